"""Reading whole numbers from query strings and form values.

str.isdigit() accepts "²" and other digits int() refuses, and int() accepts numbers
no database column holds; both used to turn a hostile query string into a 500.
"""

_BIGINT = 2**63 - 1


def whole_number(value, *, minimum: int = 0, maximum: int = _BIGINT) -> int | None:
    """Return `value` as an int when it is ASCII digits within [minimum, maximum], else None."""
    if value is None:
        return None
    text = str(value).strip()
    if not text or len(text) > 19 or not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None
