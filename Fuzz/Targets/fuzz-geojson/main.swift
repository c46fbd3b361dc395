import FuzzHarness

FuzzDriver.main(.geojson)
