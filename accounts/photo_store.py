"""Where photo files live: the "photos" storage (settings.STORAGES), named by a random key.

`<key>/<size>.webp`, the key 32 random hex characters, new for every upload: a name says
nothing about its member and cannot be guessed, and a replaced photo gets new addresses, so a
browser's private cache of the old one can never show it again.
"""

import secrets
from collections.abc import Mapping

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage, storages

from .photos import PHOTO_EXTENSION, PHOTO_SIZES

PHOTO_STORAGE_ALIAS = "photos"


def photo_storage() -> Storage:
    return storages[PHOTO_STORAGE_ALIAS]


def photo_key_new() -> str:
    return secrets.token_hex(16)


def photo_file_name(*, key: str, size: int) -> str:
    return f"{key}/{size}.{PHOTO_EXTENSION}"


def photo_files_save(*, key: str, files: Mapping[int, bytes]) -> None:
    """Store every size under `key`; on a failure, remove what was written and re-raise."""
    storage = photo_storage()
    written: list[str] = []
    try:
        for size, data in files.items():
            name = photo_file_name(key=key, size=size)
            saved = storage.save(name, ContentFile(data))
            written.append(saved)
            if saved != name:  # never happens with a fresh random key; refuse to guess
                raise FileExistsError(name)
    except Exception:
        for name in written:
            storage.delete(name)
        raise


def photo_files_delete(*, key: str) -> None:
    """Remove every size stored under `key` (missing files are fine: idempotent)."""
    if not key:
        return
    storage = photo_storage()
    for size in PHOTO_SIZES:
        storage.delete(photo_file_name(key=key, size=size))


def photo_file_open(*, key: str, size: int) -> File:
    """The stored file; FileNotFoundError when it is not there."""
    return photo_storage().open(photo_file_name(key=key, size=size), "rb")


def photo_signed_url(*, key: str, size: int) -> str | None:
    """A short-lived signed URL with object storage; None with the local folder, which is
    only ever read through the members-only view."""
    if not settings.PHOTO_STORAGE_BUCKET:
        return None
    return str(photo_storage().url(photo_file_name(key=key, size=size)))
