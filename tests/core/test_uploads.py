"""core.uploads: a file over the cap is dropped while the body is read, and the request says so."""

import pytest
from django.core.files.uploadhandler import SkipFile
from django.http import HttpRequest
from django.test import RequestFactory

from core.uploads import UploadSizeCapHandler, upload_was_too_large


def _handler(request: HttpRequest) -> UploadSizeCapHandler:
    handler = UploadSizeCapHandler(request)
    handler.new_file("photo", "photo.jpg", "image/jpeg", None)
    return handler


def test_upload_cap_passes_chunks_under_the_cap(settings: object) -> None:
    settings.UPLOAD_MAX_FILE_BYTES = 10  # type: ignore[attr-defined]
    request = RequestFactory().post("/")
    handler = _handler(request)

    assert handler.receive_data_chunk(b"12345", 0) == b"12345"
    assert handler.receive_data_chunk(b"67890", 5) == b"67890"
    handler.file_complete(10)  # returns nothing: the next handler builds the file
    assert not upload_was_too_large(request)


def test_upload_cap_skips_a_file_over_it_and_marks_the_request(settings: object) -> None:
    settings.UPLOAD_MAX_FILE_BYTES = 10  # type: ignore[attr-defined]
    request = RequestFactory().post("/")
    handler = _handler(request)
    handler.receive_data_chunk(b"123456", 0)

    with pytest.raises(SkipFile):
        handler.receive_data_chunk(b"789012", 6)
    assert upload_was_too_large(request)


def test_upload_cap_counts_each_file_on_its_own(settings: object) -> None:
    settings.UPLOAD_MAX_FILE_BYTES = 10  # type: ignore[attr-defined]
    handler = _handler(RequestFactory().post("/"))
    handler.receive_data_chunk(b"12345678", 0)
    handler.new_file("other", "other.jpg", "image/jpeg", None)

    assert handler.receive_data_chunk(b"12345678", 0) == b"12345678"
