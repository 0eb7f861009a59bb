"""Refusing oversized uploads before they are stored or parsed.

The request's Content-Length already tells when an upload is too large; a body sent
without one (or understating it) is counted while it streams in. Either way the
file is dropped, never written to disk in full, and the view reports it.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

# Room for the other form fields and the multipart boundaries around the file.
_FORM_OVERHEAD = 64 * 1024


class SizeLimitHandler(FileUploadHandler):
    """Skip every file of a request larger than VOUCH_MAX_UPLOAD_BYTES.

    Sets `request.upload_too_large` to the file name (or True) when it skipped one;
    the other form fields (the CSRF token) are still read.
    """

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.limit = settings.VOUCH_MAX_UPLOAD_BYTES
        self.whole_too_large = bool(content_length) and content_length > (
            self.limit + _FORM_OVERHEAD
        )

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        if self.whole_too_large:
            self._refuse()

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            self._refuse()
        return raw_data

    def file_complete(self, file_size):
        return None

    def _refuse(self):
        self.request.upload_too_large = self.file_name or True
        raise SkipFile


# Upload pages whose view only reports an oversized file and does nothing else.
_UPLOAD_VIEWS = frozenset({"invitation_upload"})
_DRAIN_BLOCK = 1024 * 1024


class OversizedUploadMiddleware:
    """Refuse a POST to an upload page whose Content-Length is over the limit, unparsed.

    The body is read and dropped in large blocks (answering before the client has sent
    it makes browsers show a connection error instead of the page), the view sees no
    fields and `request.upload_too_large`, and answers 413. The CSRF check is skipped
    for this request only because no field of it reaches the view: it cannot act.
    Must come before CsrfViewMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.url_name not in _UPLOAD_VIEWS:
            return None
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return None
        if length <= settings.VOUCH_MAX_UPLOAD_BYTES + _FORM_OVERHEAD:
            return None
        while request.read(_DRAIN_BLOCK):
            pass
        request._post, request._files = QueryDict(), MultiValueDict()
        request._dont_enforce_csrf_checks = True
        request.upload_too_large = True
        return None


def upload_too_large(request) -> bool:
    """Return whether the request carried a file that SizeLimitHandler skipped."""
    return bool(getattr(request, "upload_too_large", False))
