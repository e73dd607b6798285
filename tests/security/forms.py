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
    fields: dict[str, str] = field(default_factory=dict)  # what a browser would send as is
    names: set[str] = field(default_factory=set)  # every field name, checked or not
    text_fields: list[str] = field(default_factory=list)  # free text a person types

    @property
    def key(self) -> str:
        return f"{self.method} {self.action} ({', '.join(sorted(self.names))})"


class _FormParser(HTMLParser):
    def __init__(self, page_path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_path = page_path
        self.forms: list[Form] = []
        self.current: Form | None = None
        self.select: str | None = None  # name of the <select> being read
        self.textarea: str | None = None
        self._chosen = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "form":
            action = urljoin(self.page_path, values.get("action") or self.page_path)
            self.current = Form(action=action, method=(values.get("method") or "get").upper())
            return
        if self.current is None:
            return
        if tag == "option" and self.select is not None:
            # The first option is the default unless another one is marked selected.
            if self.select not in self._chosen or "selected" in values:
                self.current.fields[self.select] = values.get("value", "")
                self._chosen.add(self.select)
            return
        if tag not in {"input", "textarea", "select"}:
            return
        name = values.get("name")
        if not name or name in SKIPPED_FIELDS:
            return
        kind = values.get("type", "text" if tag == "input" else tag).lower()
        if kind in {"submit", "button", "image", "file", "reset"}:
            return
        self.current.names.add(name)
        if kind in {"checkbox", "radio"} and (
            name in self.current.fields or "checked" not in values
        ):
            return
        if tag == "select":
            self.select = name
            self.current.fields.setdefault(name, "")
            return
        if tag == "textarea":
            self.textarea = name
        self.current.fields[name] = values.get("value", "")
        if kind in {"text", "email", "search", "textarea", "url", "password", "tel", "number"}:
            self.current.text_fields.append(name)

    _chosen: set[str]

    def handle_data(self, data: str) -> None:
        if self.current is not None and self.textarea is not None:
            self.current.fields[self.textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self.select = None
        if tag == "textarea":
            self.textarea = None
        if tag == "form" and self.current is not None:
            self.forms.append(self.current)
            self.current = None


def forms_on(html: str, page_path: str) -> list[Form]:
    """The same-site forms of a page."""
    parser = _FormParser(page_path)
    parser.feed(html)
    parser.close()
    return [f for f in parser.forms if not urlsplit(f.action).netloc]
