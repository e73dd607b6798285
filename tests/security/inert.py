"""Is this HTML inert? No element or attribute a browser would execute."""

from html.parser import HTMLParser

PAYLOADS = [
    "<script>alert('xss-1')</script>",
    '"><script>alert("xss-2")</script>',
    "<img src=x onerror=alert('xss-3')>",
    "<svg/onload=alert('xss-4')>",
    "<a href=\"javascript:alert('xss-5')\">click</a>",
    "<iframe src=\"javascript:alert('xss-6')\"></iframe>",
    "'><body onload=alert('xss-7')>",
    "<details open ontoggle=alert('xss-8')>",
    "[click](javascript:alert('xss-9'))",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss-10')>",
    '{{ 7*7 }}<base href="//evil.example/">',
    "<form action=\"javascript:alert('xss-11')\"><button>go</button></form>",
]
# Our own pages load scripts only from here.
OWN_SCRIPT_PREFIX = "/static/"
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "base", "frame", "frameset", "applet"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"}


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script":
            if values.get("type", "").lower() in DATA_SCRIPT_TYPES:
                pass  # a data block (JSON-LD), never run; text after an early </script> is
                # parsed as HTML and checked like the rest of the page
            elif not values.get("src", "").startswith(OWN_SCRIPT_PREFIX):
                self.found.append(f"<script> without our own src: {values}")
        elif tag in DANGEROUS_TAGS:
            self.found.append(f"<{tag}> element")
        for name, value in values.items():
            if name.startswith("on"):
                self.found.append(f"event handler {name}= on <{tag}>")
            compact = "".join(value.split()).lower()
            if name in URL_ATTRIBUTES and compact.startswith(
                ("javascript:", "vbscript:", "data:text/html")
            ):
                self.found.append(f"{name}={value!r} on <{tag}>")

    handle_startendtag = handle_starttag


def active_content(html: str) -> list[str]:
    """Every executable tag or attribute in the HTML; empty when it is inert."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found
