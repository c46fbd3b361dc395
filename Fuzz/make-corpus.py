#!/usr/bin/env python3
"""Writes the seed corpora in Fuzz/corpus/<target>/: small files from
geodata/ and hand-made edge cases. Run from anywhere; files found by the
fuzzers themselves are added by hand (named found-*)."""
import os, shutil

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
corpus = os.path.join(here, "corpus")


def put(target, name, content):
    folder = os.path.join(corpus, target)
    os.makedirs(folder, exist_ok=True)
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def copy(target, name, path):
    with open(os.path.join(root, path), "rb") as f:
        put(target, name, f.read())


# GeoJSON
copy("geojson", "sample_parishes.geojson", "geodata/sample_parishes.geojson")
with open(os.path.join(root, "geodata/territory/municipalities.geojson"), "rb") as f:
    lines = f.read().split(b"\n")
put("geojson", "municipalities_head.geojson", b"\n".join(lines[:3]).rstrip(b",") + b"\n]}\n")
with open(os.path.join(root, "geodata/territory/sites.geojson"), "rb") as f:
    lines = f.read().split(b"\n")
put("geojson", "sites_head.geojson", b"\n".join(lines[:6]).rstrip(b",") + b"\n]}\n")
geojson = {
    "point.geojson": '{"type":"Point","coordinates":[-66.5,10.25]}',
    "point3d.geojson": '{"type":"Point","coordinates":[1,2,3,4]}',
    "empty_point.geojson": '{"type":"Point","coordinates":[]}',
    "linestring_mixed.geojson": '{"type":"LineString","coordinates":[[1,2],[3,4,5],[6,7]]}',
    "multipoint.geojson": '{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}',
    "polygon_hole.geojson": '{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[2,4],[4,4],[4,2],[2,2]]]}',
    "polygon_unclosed.geojson": '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}',
    "polygon_two_points.geojson": '{"type":"Polygon","coordinates":[[[0,0],[1,1]]]}',
    "polygon_hole_outside.geojson": '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]],[[5,5],[5,6],[6,6],[6,5],[5,5]]]}',
    "bowtie.geojson": '{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}',
    "multilinestring.geojson": '{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[3,3,3]]]}',
    "multipolygon.geojson": '{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}',
    "collection.geojson": '{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]},{"type":"GeometryCollection","geometries":[]}]}',
    "feature.geojson": '{"type":"Feature","id":"P1","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"name":"Caf\\u00e9 \\ud83d\\ude00","n":12687.0,"code":"0101","nested":{"a":[1,true,null,-0,1E-7]}}}',
    "members_reordered.geojson": '{"properties":null,"geometry":{"coordinates":[1,2],"type":"Point"},"id":7,"type":"Feature"}',
    "collection_crs.geojson": '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32619"}},"features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[500000,1105412.49]},"properties":{}}]}',
    "crs_code.geojson": '{"type":"FeatureCollection","features":[],"crs":{"type":"EPSG","properties":{"code":4326}}}',
    "members_after_features.geojson": '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{}}],"bbox":[0,0,1,1],"name":"x"}',
    "sequence_rs.geojson": '\x1e{"type":"Point","coordinates":[1,2]}\n\x1e{"type":"Feature","geometry":null,"properties":{"a":1}}\n',
    "sequence_lines.geojson": '{"type":"Point","coordinates":[1,2]}\n{"type":"Point","coordinates":[3,4]}\n',
    "bom_crlf.geojson": '\ufeff{"type":"FeatureCollection",\r\n"features":[\r\n{"type":"Feature","geometry":null,"properties":{}}\r\n]}\r\n',
    "numbers.geojson": '{"type":"MultiPoint","coordinates":[[-0,1e2],[0.1,-66.12345678901234567],[1E-7,123456789012345678],[1e308,-1e-320],[12345678901234567890123,0.000000000000000000001]]}',
    "big_exponent.geojson": '{"type":"Point","coordinates":[1e400,1]}',
    "nan.geojson": '{"type":"Point","coordinates":[NaN,Infinity]}',
    "escapes.geojson": '{"type":"Feature","geometry":null,"properties":{"s":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f"}}',
    "bad_surrogate.geojson": '{"type":"Feature","geometry":null,"properties":{"s":"\\ud800x"}}',
    "deep.geojson": '{"type":"Feature","geometry":null,"properties":{"a":' + "[" * 300 + "]" * 300 + "}}",
    "deep_collection.geojson": '{"type":"GeometryCollection","geometries":[' * 20 + ']}' * 20,
    "duplicate_ids.geojson": '{"type":"FeatureCollection","features":[{"type":"Feature","id":1,"geometry":null,"properties":{}},{"type":"Feature","id":1,"geometry":null,"properties":{}}]}',
    "empty.geojson": "",
    "empty_object.geojson": "{}",
    "truncated.geojson": '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,',
}
for name, text in geojson.items():
    put("geojson", name, text)
put("geojson", "invalid_utf8.geojson", b'{"type":"Feature","geometry":null,"properties":{"name":"Caf\xe9"}}')
put("geojson", "broken_bom.geojson", b'\xef\xbb{"type":"Point","coordinates":[1,2]}')

# CSV
copy("csv", "sample_sites.csv", "geodata/sample_sites.csv")
csv = {
    "comma.csv": "id,name,lon,lat,capacity\nA,\"Quoted, with comma\",-66.5,10.25,12\nB,\"line\nbreak\",1,2,0101\n",
    "crlf.csv": "x,y,code\r\n1,2,\"a\"\"b\"\r\n3,4,\r\n",
    "bom.csv": "\ufefflongitude;latitude;v\n-66,5;10,25;1,5\n",
    "header_only.csv": "lon,lat,name\n",
    "empty.csv": "",
    "bad_row.csv": "lng,lat\n1,2\nx,y\n3\n",
    "unclosed_quote.csv": 'lon,lat,name\n1,2,"open\n',
    "numbers.csv": "lon,lat,a,b,c,d\n1e2,-0,1e400,-1.5E-3,00,NaN\n",
}
for name, text in csv.items():
    put("csv", name, text)
put("csv", "invalid_utf8.csv", b"lon,lat,name\n1,2,Caf\xe9\n")

# --where
expressions = [
    "stage == 'processing' and capacity >= 10",
    "product in ['milk', \"goat milk\"] or capacity > 100",
    "not (product == 'milk')",
    "stage not in ['retail', 'collection']",
    "owner == null and $id != 7",
    "`a b` == true or code == 12",
    "ADM1_PCODE == 'BO02'",
    "highway == 'traffic_signals'",
    "capacity <= -1.5e3 or capacity > .5",
    "((a == 1) or (b != 'it''s'))",
    "x = 1",
    "",
]
for index, expression in enumerate(expressions):
    put("where", f"expression{index:02d}.txt", expression)

# Specs
for name in ["cheese.json", "coffee.json", "maize_flour.json", "vegetables.json"]:
    copy("specs", "chain_" + name, "geodata/territory/chains/" + name)
copy("specs", "hierarchy.json", "geodata/territory/hierarchy.json")
copy("specs", "sample_hierarchy.json", "geodata/sample_hierarchy.json")
with open(os.path.join(root, "geodata/territory/groupings/circuits_alternative.csv"), "rb") as f:
    put("specs", "grouping.csv", b"\n".join(f.read().split(b"\n")[:12]) + b"\n")
specs = {
    "grouping_semicolon.csv": "\ufeffcode;circuit\r\nP1;C1\r\nP2;C1\r\n\r\nP3;C2\r\n",
    "grouping_bad_row.csv": "territory_code,circuit_id\nP1,\n",
    "chain_minimal.json": '{"product":"x","unit":"l/month","demandPerPersonMonth":1,"stages":[{"stage":"primary"}]}',
    "chain_bad_stage.json": '{"product":"x","stages":[{"stage":"mining"}],"demandKgPerPersonMonth":1}',
    "chain_bad_yield.json": '{"product":"x","stages":[{"stage":"primary"},{"stage":"retail","yield":-1}],"demandKgPerPersonMonth":1}',
    "hierarchy_no_parent.json": '{"levels":[{"name":"a","file":"a.geojson"},{"name":"b","file":"b.geojson"}]}',
}
for name, text in specs.items():
    put("specs", name, text)
