"""Find the forms a page offers, as a browser would: action, method and field names."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# Fields the server fills or that only carry navigation; fuzzing them tests nothing new.
SKIPPED_FIELDS = {"csrfmiddlewaretoken"}


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, str] = field(default_factory=dict)  # name -> default value
    text_fields: list[str] = field(default_factory=list)  # free text a person types

    @property
    def key(self) -> str:
        return f"{self.method} {self.action} ({', '.join(sorted(self.fields))})"


class _FormParser(HTMLParser):
    def __init__(self, page_path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_path = page_path
        self.forms: list[Form] = []
        self.current: Form | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "form":
            action = urljoin(self.page_path, values.get("action") or self.page_path)
            self.current = Form(action=action, method=(values.get("method") or "get").upper())
            return
        if self.current is None or tag not in {"input", "textarea", "select"}:
            return
        name = values.get("name")
        if not name or name in SKIPPED_FIELDS:
            return
        kind = values.get("type", "text" if tag == "input" else tag).lower()
        if kind in {"submit", "button", "image", "file", "reset"}:
            return
        if kind in {"checkbox", "radio"} and name in self.current.fields:
            return
        self.current.fields[name] = values.get("value", "")
        if kind in {"text", "email", "search", "textarea", "url", "password", "tel", "number"}:
            self.current.text_fields.append(name)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.current is not None:
            self.forms.append(self.current)
            self.current = None


def forms_on(html: str, page_path: str) -> list[Form]:
    """The same-site forms of a page."""
    parser = _FormParser(page_path)
    parser.feed(html)
    parser.close()
    return [f for f in parser.forms if not urlsplit(f.action).netloc]
