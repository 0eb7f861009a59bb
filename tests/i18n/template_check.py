"""Find user-facing template text that is not marked for translation.

Every template under templates/ is split with Django's own Lexer. Text inside
{% translate %} / {% blocktranslate %} and every {{ variable }} or {% tag %} is masked,
then the HTML is parsed: any alphabetic word left in a text node or in a user-facing
attribute (placeholder, title, aria-label, alt, data-confirm, ...) is reported.
Literal filter arguments that reach the page ({{ x|default:"system" }}) are reported too.

Run as a script to list the findings: python -m tests.i18n.template_check
"""

import re
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

# Words that read the same in every language: the product's name, and names of
# standards, formats and tools.
ALLOWED_WORDS = frozenset({"Vouch", "SHA", "EN", "DE", "CSV", "JSON", "API", "htmx", "hxxp", "ISO"})

# Literal text that is data, not prose: the upload template's column names and values,
# which the CSV parser reads in exactly this spelling whatever the user's language.
ALLOWED_SNIPPETS = {
    "invitations/submit.html": (
        "<dt>message</dt>",
        "<dt>attachments</dt>",
        "<dt>ref, recipient</dt>",
        "true / false /",
        "yes / no / unsure",
        "yes / no",
    ),
}

# Attributes whose values are shown or read out to the user.
TEXT_ATTRIBUTES = frozenset(
    {
        "placeholder",
        "title",
        "aria-label",
        "aria-description",
        "alt",
        "data-confirm",
        "data-prefix",
        "data-required",
        "data-optional",
    }
)
# Elements whose content is code, not prose.
CODE_ELEMENTS = frozenset({"pre", "code", "kbd", "samp", "script", "style"})
# Filters whose literal argument ends up on the page.
TEXT_FILTERS = ("default", "default_if_none", "yesno")

MASK = "\x1f"
_WORD = re.compile(r"[^\W\d_]+")
_CODE_LIKE = re.compile(r"\S*(?:\d|_|://|\.\w{2,4}\b)\S*")
_TAG = re.compile(r"(<[^>]*>)")
_LITERAL_ARG = re.compile(r"\|\s*(" + "|".join(TEXT_FILTERS) + r')\s*:\s*(["\'])(.*?)\2')


def words(text: str) -> list[str]:
    """Return the alphabetic words of `text` that would need a translation."""
    text = text.replace(MASK, " ")
    text = _CODE_LIKE.sub(" ", text)
    return [w for w in _WORD.findall(text) if w not in ALLOWED_WORDS]


def _masked_source(source: str) -> tuple[str, list[str]]:
    """Return `source` with translated text, variables and tags masked, plus filter findings."""
    out: list[str] = []
    findings: list[str] = []
    translating = False
    commented = False
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split(" ", 1)[0] if token.contents else ""
            if name in ("blocktranslate", "blocktrans"):
                translating = True
            elif name in ("endblocktranslate", "endblocktrans"):
                translating = False
            elif name == "comment":
                commented = True
            elif name == "endcomment":
                commented = False
            out.append(MASK)
        elif token.token_type == TokenType.VAR:
            for _filter, _quote, literal in _LITERAL_ARG.findall(token.contents):
                if words(literal):
                    where = "{{ " + token.contents + " }}"
                    findings.append(f"literal filter argument {literal!r} in {where}")
            out.append(MASK)
        elif token.token_type == TokenType.TEXT:
            if commented:
                continue
            if translating:
                # Keep the markup (it may open or close elements), drop the translated words.
                parts = _TAG.split(token.contents)
                out.append("".join(p if p.startswith("<") else MASK for p in parts))
            else:
                out.append(token.contents)
    return "".join(out), findings


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.code_depth = 0
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in TEXT_ATTRIBUTES and value and words(value):
                self.found.append(f"<{tag} {name}={value.replace(MASK, '…')!r}>")
        if tag in CODE_ELEMENTS:
            self.code_depth += 1

    def handle_startendtag(self, tag, attrs):
        for name, value in attrs:
            if name in TEXT_ATTRIBUTES and value and words(value):
                self.found.append(f"<{tag} {name}={value.replace(MASK, '…')!r}>")

    def handle_endtag(self, tag):
        if tag in CODE_ELEMENTS and self.code_depth:
            self.code_depth -= 1

    def handle_data(self, data):
        if self.code_depth:
            return
        if words(data):
            self.found.append(" ".join(data.replace(MASK, "…").split()))


def check_source(source: str, name: str = "") -> list[str]:
    """Return the untranslated user-facing strings of template `source` (called `name`)."""
    for snippet in ALLOWED_SNIPPETS.get(name, ()):
        source = source.replace(snippet, "")
    masked, findings = _masked_source(source)
    finder = _Finder()
    finder.feed(masked)
    finder.close()
    return findings + finder.found


def check_template(path: Path) -> list[str]:
    """Return the untranslated user-facing strings of the template at `path`."""
    return check_source(path.read_text(encoding="utf-8"), path.relative_to(TEMPLATES).as_posix())


def template_paths() -> list[Path]:
    """Return every template the checker looks at."""
    return sorted(p for p in TEMPLATES.rglob("*") if p.is_file() and p.suffix in (".html", ".txt"))


def untranslated() -> dict[str, list[str]]:
    """Return {template path: untranslated strings} for every template that has any."""
    report = {}
    for path in template_paths():
        found = check_template(path)
        if found:
            report[path.relative_to(TEMPLATES).as_posix()] = found
    return report


if __name__ == "__main__":
    for name, found in untranslated().items():
        for text in found:
            print(f"{name}: {text}")
