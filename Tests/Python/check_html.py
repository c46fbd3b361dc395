"""Reads an HTML page on stdin with Python's html.parser, independently of
Territorio, and prints what the tests check as JSON: whether every element
is closed in order, the tables' cells, the text, the images' sources, any
URL that would leave the page, and any <script>."""
import json
import sys
from html.parser import HTMLParser

VOID = {"meta", "img", "br", "hr", "link", "input", "source", "col", "area", "base", "wbr"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors = [], []
        self.tables, self.row, self.cell = [], None, None
        self.text, self.images, self.external, self.scripts = [], [], [], 0
        self.headings, self.heading, self.sections, self.doctype = [], None, 0, None
        self.lang = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if value and (name in ("href", "src", "action") or "url(" in value):
                if "://" in value and not value.startswith("data:") or value.startswith("//"):
                    self.external.append(value)
        if tag == "script":
            self.scripts += 1
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "img":
            self.images.append(attrs.get("src", "")[:40])
        if tag == "section":
            self.sections += 1
        if tag == "table":
            self.tables.append([])
        if tag == "tr":
            self.row = []
        if tag in ("td", "th"):
            self.cell = []
        if tag in ("h1", "h2", "h3"):
            self.heading = []
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> at {self.getpos()} closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        if tag == "tr" and self.row is not None and self.tables:
            self.tables[-1].append(self.row)
            self.row = None
        if tag in ("h1", "h2", "h3") and self.heading is not None:
            self.headings.append("".join(self.heading).strip())
            self.heading = None

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "style":
            if "url(" in data or "@import" in data:
                self.external.append("style: url()/@import")
            return
        self.text.append(data)
        if self.cell is not None:
            self.cell.append(data)
        if self.heading is not None:
            self.heading.append(data)


page = Page()
page.feed(sys.stdin.read())
page.close()
if page.stack:
    page.errors.append(f"unclosed: {page.stack}")
print(json.dumps({
    "doctype": page.doctype, "lang": page.lang, "errors": page.errors, "tables": page.tables,
    "text": "".join(page.text), "images": page.images, "external": page.external, "scripts": page.scripts,
    "headings": page.headings, "sections": page.sections,
}, ensure_ascii=False))
