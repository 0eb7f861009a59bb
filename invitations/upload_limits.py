"""Refusing oversized uploads before they are stored or parsed.

The request's Content-Length already tells when an upload is too large; a body sent
without one (or understating it) is counted while it streams in. Either way the
file is dropped, never written to disk in full, and the view reports it.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

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


def upload_too_large(request) -> bool:
    """Return whether the request carried a file that SizeLimitHandler skipped."""
    return bool(getattr(request, "upload_too_large", False))
