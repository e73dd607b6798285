"""accounts.photos: what an upload becomes, and the uploads it refuses."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from accounts import photos
from accounts.photos import PHOTO_MAX_BYTES, PHOTO_SIZES, photo_process

from .photo_files import (
    GPS_IFD,
    SVG_WITH_SCRIPT,
    TEXT_FILE,
    animated_png,
    animated_webp,
    decoded,
    forged_huge_png,
    halves_jpeg,
    has_no_metadata,
    jpeg_bytes,
    png_bytes,
)


def _process(data: bytes) -> dict[int, bytes]:
    return photo_process(stream=io.BytesIO(data), size=len(data))


def _rgb(image: Image.Image, xy: tuple[int, int]) -> tuple[int, int, int]:
    red, green, blue = image.convert("RGB").getpixel(xy)  # type: ignore[misc]
    return int(red), int(green), int(blue)


def _grey(image: Image.Image, xy: tuple[int, int]) -> int:
    return int(image.convert("L").getpixel(xy))  # type: ignore[arg-type]


def _refusal(data: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        _process(data)
    return caught.value


def test_photo_process_makes_every_size_as_webp_squares() -> None:
    result = _process(jpeg_bytes((640, 480)))
    assert sorted(result) == list(PHOTO_SIZES)
    for size, data in result.items():
        image = decoded(data)
        assert image.format == "WEBP"
        assert image.size == (size, size)


def test_photo_process_strips_gps_exif_xmp_icc_and_comment() -> None:
    original = jpeg_bytes(gps=True)
    source = Image.open(io.BytesIO(original))
    assert source.getexif().get_ifd(GPS_IFD), "the test photo must carry GPS tags"
    assert "icc_profile" in source.info
    assert "comment" in source.info
    for data in _process(original).values():
        assert has_no_metadata(data)


def test_photo_process_turns_the_picture_upright_from_its_exif_orientation() -> None:
    # Orientation 6: the camera was turned, the picture must be rotated a quarter clockwise,
    # so the red left half ends on top.
    upright = decoded(_process(halves_jpeg(orientation=6))[96])
    top, bottom = _rgb(upright, (48, 5)), _rgb(upright, (48, 90))
    assert top[0] > 150
    assert top[2] < 80
    assert bottom[2] > 150
    assert bottom[0] < 80


def test_photo_process_keeps_the_picture_as_is_without_orientation() -> None:
    image = decoded(_process(halves_jpeg(orientation=1))[96])
    left, right = _rgb(image, (5, 48)), _rgb(image, (90, 48))
    assert left[0] > 150
    assert right[2] > 150


def test_photo_process_keeps_small_photos_small() -> None:
    # Never enlarged: the browser scales it to the avatar's size.
    result = _process(jpeg_bytes((60, 40)))
    assert decoded(result[48]).size == (40, 40)
    assert decoded(result[256]).size == (40, 40)


def test_photo_process_refuses_a_renamed_text_file() -> None:
    assert _refusal(TEXT_FILE).code == "not_a_photo"


def test_photo_process_refuses_an_svg_with_script() -> None:
    assert _refusal(SVG_WITH_SCRIPT).code == "not_a_photo"


def test_photo_process_refuses_a_truncated_jpeg() -> None:
    whole = jpeg_bytes((800, 600), gps=True)
    assert _refusal(whole[: len(whole) // 2]).code == "broken"


def test_photo_process_refuses_a_50000_pixel_square_png_from_its_header(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The pixels are never decoded: loading anything at all would be a failure here.
    monkeypatch.setattr(Image.Image, "load", lambda self: pytest.fail("decoded a bomb"))
    error = _refusal(forged_huge_png())
    assert error.code == "too_many_pixels"
    assert "too large" in error.messages[0]


def test_photo_process_refuses_a_png_over_the_whole_decode_limit() -> None:
    # PNG is decoded whole: 22.5 MP is over its limit, though a JPEG of that size is fine.
    assert photos.PHOTO_MAX_PIXELS_FULL_DECODE < 5000 * 4500 < photos.PHOTO_MAX_PIXELS
    assert _refusal(forged_huge_png(width=5000, height=4500)).code == "too_many_pixels"


def test_photo_process_refuses_a_very_long_strip() -> None:
    assert _refusal(forged_huge_png(width=20_000, height=10)).code == "too_many_pixels"


def test_photo_process_sets_pillow_pixel_limit_on_purpose() -> None:
    assert Image.MAX_IMAGE_PIXELS == photos.PHOTO_MAX_PIXELS


def test_photo_process_refuses_over_10_mb_before_reading() -> None:
    class Unreadable(io.BytesIO):
        def read(self, *args: object) -> bytes:
            raise AssertionError("read a file that was too big")

    with pytest.raises(ValidationError) as caught:
        photo_process(stream=Unreadable(), size=PHOTO_MAX_BYTES + 1)
    assert caught.value.code == "too_big"
    assert "10 MB" in caught.value.messages[0]


def test_photo_process_refuses_an_empty_file() -> None:
    assert _refusal(b"").code == "empty"


@pytest.mark.parametrize("make", [animated_webp, animated_png], ids=["webp", "png"])
def test_photo_process_keeps_the_first_frame_of_an_animation(make: object) -> None:
    result = _process(make())  # type: ignore[operator]
    image = decoded(result[48])
    assert getattr(image, "n_frames", 1) == 1
    assert has_no_metadata(result[48])


def test_photo_process_converts_a_cmyk_jpeg_to_rgb() -> None:
    image = decoded(_process(jpeg_bytes(mode="CMYK"))[96])
    assert image.mode == "RGB"


def test_photo_process_scales_a_16_bit_png_instead_of_clipping_it() -> None:
    image = decoded(_process(png_bytes("I;16", size=(256, 256)))[256])
    # A gradient stays a gradient: dark at the top, light at the bottom, not all white.
    assert _grey(image, (128, 10)) < 60
    assert _grey(image, (128, 245)) > 190


def test_photo_process_lays_transparency_on_white() -> None:
    image = decoded(_process(png_bytes("RGBA"))[48])
    assert image.mode == "RGB"
