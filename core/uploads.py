"""A cap on the size of any uploaded file, applied while the request body is read.

Django keeps an upload on disk however large it is; this handler, first in
FILE_UPLOAD_HANDLERS, stops taking a file's bytes once it passes UPLOAD_MAX_FILE_BYTES (the
rest of the form is still read) and marks the request, so the view can say why the file is
missing instead of treating the form as sent without one. A proxy's body limit stays the
first fence in production.
"""

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest

TOO_LARGE_ATTRIBUTE = "upload_too_large"


class UploadSizeCapHandler(FileUploadHandler):
    """Skips any file larger than UPLOAD_MAX_FILE_BYTES and marks the request."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > settings.UPLOAD_MAX_FILE_BYTES:
            if self.request is not None:
                setattr(self.request, TOO_LARGE_ATTRIBUTE, True)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler builds the file


def upload_was_too_large(request: HttpRequest) -> bool:
    """Whether a file of this request was dropped for being over the cap."""
    return bool(getattr(request, TOO_LARGE_ATTRIBUTE, False))
