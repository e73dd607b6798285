"""Profile photos as pixels: check an upload, decode it safely, and re-encode clean squares.

Everything a member uploads is decoded by Pillow and drawn again from its pixels alone, so no
metadata survives: no EXIF (above all no GPS position: a photo must never tell where a member
lives), no XMP, no ICC profile, no comment. Files and storage live in photo_store; this module
only turns bytes into bytes, so the benchmark measures exactly what an upload costs.

Memory stays bounded: the size of the image is read from its header and refused before any
pixel is decoded when it is too large, and JPEGs are decoded at the smallest scale (1/2, 1/4 or
1/8) that still gives enough pixels for the largest square we keep.
"""

import io
import warnings
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from PIL import Image, ImageCms, UnidentifiedImageError

# The square sizes the pages use, in pixels (1x and 2x of the avatar sizes in the templates).
PHOTO_SIZES = (48, 96, 256)
PHOTO_LARGEST = PHOTO_SIZES[-1]
PHOTO_MAX_BYTES = 10 * 1024 * 1024
# 30 megapixels: more than any phone or camera photo a member is likely to send (a 24 MP
# camera gives 6000 x 4000). Baseline JPEGs are decoded at a reduced scale and cost little;
# a progressive JPEG still holds all its coefficients while decoding, about 3 bytes a pixel,
# which this limit keeps under 200 MB for the whole process (benchmarks/RESULTS.md).
PHOTO_MAX_PIXELS = 30_000_000
# PNG and WebP are decoded whole, at 4 bytes a pixel: 20 MP keeps the process under 200 MB
# (benchmarks/RESULTS.md); screenshots and exported pictures are far smaller.
PHOTO_MAX_PIXELS_FULL_DECODE = 20_000_000
PHOTO_MAX_SIDE = 16_000
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP")
PHOTO_CONTENT_TYPE = "image/webp"
PHOTO_EXTENSION = "webp"
_WEBP_QUALITY = 82

# Set on purpose, for the whole process: Pillow refuses to decode anything larger than twice
# this (DecompressionBombError), and warns above it; we turn the warning into a refusal too.
Image.MAX_IMAGE_PIXELS = PHOTO_MAX_PIXELS

# Member-facing messages: what went wrong and what to do, in plain words.
TOO_BIG = (
    "This photo is larger than 10 MB. Please choose a smaller one, or a copy sent from your "
    "phone's share menu, which is usually smaller."
)
NOT_A_PHOTO = (
    "We could not read this file as a photo. Please choose a JPEG, PNG or WebP picture "
    "(HEIC photos from an iPhone can be shared as JPEG)."
)
TOO_MANY_PIXELS = (
    "This picture is too large for us to open safely: it has too many pixels. Please choose "
    "a smaller copy of it, such as the one your phone offers when you share a photo."
)
BROKEN = (
    "This photo seems to be damaged or cut short, perhaps the upload was interrupted. "
    "Please try again, or choose another copy."
)
EMPTY = "This file is empty. Please choose a photo."

# EXIF orientation (tag 0x0112) to the transposition that puts the picture upright.
_ORIENTATION_TAG = 0x0112
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


@dataclass(frozen=True)
class _Source:
    """What the header told us, read before any pixel is decoded."""

    image: Image.Image
    orientation: int
    icc_profile: bytes | None


def _open(stream: IO[bytes]) -> _Source:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(stream, formats=PHOTO_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _refuse(TOO_MANY_PIXELS, "too_many_pixels") from exc
    except UnidentifiedImageError as exc:
        raise _refuse(NOT_A_PHOTO, "not_a_photo") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise _refuse(BROKEN, "broken") from exc
    width, height = image.size
    if width < 1 or height < 1:
        raise _refuse(BROKEN, "broken")
    limit = PHOTO_MAX_PIXELS if image.format == "JPEG" else PHOTO_MAX_PIXELS_FULL_DECODE
    if width * height > limit or max(width, height) > PHOTO_MAX_SIDE:
        raise _refuse(TOO_MANY_PIXELS, "too_many_pixels")
    try:
        orientation = int(image.getexif().get(_ORIENTATION_TAG, 1) or 1)
    except Exception:  # a damaged EXIF block only loses the rotation, never the photo
        orientation = 1
    icc = image.info.get("icc_profile")
    return _Source(image=image, orientation=orientation, icc_profile=icc or None)


def _square_box(width: int, height: int) -> tuple[int, int, int, int]:
    side = min(width, height)
    left = (width - side) // 2
    top = (height - side) // 2
    return (left, top, left + side, top + side)


def _normalised_mode(image: Image.Image) -> Image.Image:
    """Modes resizing handles well: 8-bit grey, RGB, RGBA or CMYK."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        # 16-bit grey (some scanners, medical exports): scale to 8 bits instead of clipping,
        # which would turn every light pixel white.
        return image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if image.mode == "F":
        return image.convert("L")
    if image.mode in ("P", "PA", "LA", "La", "RGBa"):
        return image.convert("RGBA")
    if image.mode not in ("L", "RGB", "RGBA", "CMYK"):
        return image.convert("RGB")
    return image


def _decoded_square(source: _Source) -> Image.Image:
    """The centred square, upright, at PHOTO_LARGEST pixels (smaller sources stay smaller)."""
    image = source.image
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)  # an animation keeps its first frame
    if image.format == "JPEG":
        # Ask the decoder for a reduced scale: a 24 MP photo is decoded at 1/8 of its area.
        side = min(image.size)
        scale = max(1.0, side / (PHOTO_LARGEST * 2))
        image.draft(image.mode, (int(image.size[0] / scale), int(image.size[1] / scale)))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _refuse(TOO_MANY_PIXELS, "too_many_pixels") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _refuse(BROKEN, "broken") from exc
    image = _normalised_mode(image)
    box = _square_box(*image.size)
    target = min(PHOTO_LARGEST, box[2] - box[0])
    square = image.resize((target, target), Image.Resampling.LANCZOS, box=box, reducing_gap=3.0)
    transpose = _UPRIGHT.get(source.orientation)
    # A centred square turned upright is the upright picture's centred square.
    return square.transpose(transpose) if transpose is not None else square


def _in_srgb(square: Image.Image, icc_profile: bytes | None) -> Image.Image:
    """Colours converted through the photo's own profile (so dropping it changes nothing
    visible), transparency laid on white, always plain RGB."""
    if icc_profile and square.mode in ("RGB", "CMYK", "L"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
            srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
            converted = ImageCms.profileToProfile(square, source, srgb, outputMode="RGB")
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: plain conversion below is close enough
    if square.mode == "RGBA":
        background = Image.new("RGB", square.size, (255, 255, 255))
        background.paste(square, mask=square.getchannel("A"))
        return background
    return square.convert("RGB")


def _clean_copy(square: Image.Image) -> Image.Image:
    # Built from raw pixels only: Pillow carries `info` (EXIF, ICC, XMP, comments) from image
    # to image through resize and convert, and some encoders write what they find there.
    return Image.frombytes("RGB", square.size, square.tobytes())


def _encode(square: Image.Image, size: int) -> bytes:
    resized = (
        square if square.size[0] <= size else square.resize((size, size), Image.Resampling.LANCZOS)
    )
    out = io.BytesIO()
    _clean_copy(resized).save(out, format="WEBP", quality=_WEBP_QUALITY, method=4)
    return out.getvalue()


def photo_process(*, stream: IO[bytes], size: int | None = None) -> dict[int, bytes]:
    """The clean WebP squares of an upload, by size; ValidationError with a member-facing
    message when it is not a photo we can read safely.

    `size` is the upload's length in bytes when known (checked before anything is read).
    """
    if size is not None and size > PHOTO_MAX_BYTES:
        raise _refuse(TOO_BIG, "too_big")
    if size == 0:
        raise _refuse(EMPTY, "empty")
    source = _open(stream)
    try:
        square = _in_srgb(_decoded_square(source), source.icc_profile)
    finally:
        source.image.close()
    return {target: _encode(square, target) for target in PHOTO_SIZES}
