"""Request parsers of the REST API."""

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class BoundedJSONParser(parsers.JSONParser):
    """DRF's JSON parser, with nesting too deep for the decoder answered as a 400."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - the document is nested too deeply") from None
