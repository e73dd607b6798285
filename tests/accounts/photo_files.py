"""Pictures for the photo tests, made in memory: good ones, awkward ones and hostile ones."""

import io
import struct
import zlib

from PIL import Image, ImageCms

GPS_IFD = 0x8825
ORIENTATION = 0x0112
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>'
    b'<rdf:Description exif:GPSLatitude="48,51.4N"/></rdf:RDF></x:xmpmeta>'
)


def _exif_with_gps(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0131] = "CameraApp 1.0"  # Software
    exif[GPS_IFD] = {
        1: "N",  # GPSLatitudeRef
        2: (48.0, 51.0, 24.0),  # GPSLatitude
        3: "E",  # GPSLongitudeRef
        4: (2.0, 21.0, 7.0),  # GPSLongitude
    }
    return exif


def jpeg_bytes(
    size: tuple[int, int] = (640, 480),
    *,
    colour: tuple[int, int, int] = (200, 120, 150),
    gps: bool = False,
    orientation: int = 1,
    mode: str = "RGB",
) -> bytes:
    image = Image.new(mode, size, colour if mode == "RGB" else (0, 80, 40, 10))
    out = io.BytesIO()
    options: dict[str, object] = {"quality": 90}
    if gps or orientation != 1:
        options["exif"] = _exif_with_gps(orientation).tobytes()
    if gps:
        options["icc_profile"] = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
        options["comment"] = b"Taken at home, 12 Rose Street"
        options["xmp"] = XMP
    image.save(out, format="JPEG", **options)
    return out.getvalue()


def halves_jpeg(orientation: int) -> bytes:
    """200 x 100: red on the left, blue on the right, with this EXIF orientation."""
    image = Image.new("RGB", (200, 100), (220, 0, 0))
    image.paste((0, 0, 220), (100, 0, 200, 100))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=95, exif=exif.tobytes())
    return out.getvalue()


def png_bytes(mode: str = "RGBA", size: tuple[int, int] = (300, 200)) -> bytes:
    if mode == "I;16":
        # A 16-bit grey gradient from black to nearly full white.
        gradient = Image.linear_gradient("L").resize(size).convert("I")
        image = gradient.point(lambda v: v * 256).convert("I;16")
    else:
        image = Image.new(mode, size, (10, 100, 200, 128) if mode == "RGBA" else (10, 100, 200))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def forged_huge_png(width: int = 50_000, height: int = 50_000) -> bytes:
    """A tiny file whose header claims width x height pixels; the pixels are never made."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )


def animated_webp() -> bytes:
    frames = [Image.new("RGB", (120, 120), colour) for colour in ((0, 150, 0), (150, 0, 0))]
    out = io.BytesIO()
    frames[0].save(
        out, format="WEBP", save_all=True, append_images=frames[1:], duration=100, loop=0
    )
    return out.getvalue()


def animated_png() -> bytes:
    frames = [Image.new("RGB", (120, 120), colour) for colour in ((0, 0, 150), (150, 150, 0))]
    out = io.BytesIO()
    frames[0].save(out, format="PNG", save_all=True, append_images=frames[1:], duration=100)
    return out.getvalue()


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
    b'<script>alert(document.cookie)</script><circle cx="50" cy="50" r="40"/></svg>'
)
TEXT_FILE = b"Dear diary, today was a good day.\n" * 20


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def has_no_metadata(data: bytes) -> bool:
    """Whether a stored file carries no EXIF, GPS, XMP, ICC profile or comment at all."""
    image = decoded(data)
    exif = image.getexif()
    keys = {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment"}
    no_chunks = all(tag not in data for tag in (b"EXIF", b"ICCP", b"XMP ", b"GPS", b"Rose Street"))
    return not len(exif) and not exif.get_ifd(GPS_IFD) and not keys & set(image.info) and no_chunks
