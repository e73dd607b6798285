"""Profile photo benchmark: a 10 MB camera photo, from upload bytes to stored files.

    .venv/bin/python -m benchmarks.photo_bench [--runs 5]

Makes a realistic worst case once: a 24-megapixel (6000 x 4000) JPEG of noisy gradients,
saved at the quality that brings it just under 10 MB, with EXIF (orientation and a GPS
position), an ICC profile and a comment; and, for the format that cannot be decoded at a
reduced scale, a noisy PNG just under 10 MB. Each run is a fresh Python process that imports
Django, reads the file from disk and does exactly what an upload does (accounts.photos: header
checks, decode, orientation, colour conversion, re-encode at every size; then
accounts.photo_store writes the files to a temporary folder through the storage API), so its
peak resident memory (VmHWM) is the whole process's, Django included, not only Pillow's.
"""

import argparse
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEN_MB = 10 * 1024 * 1024


def _noisy(size: tuple[int, int]) -> "object":
    from PIL import Image

    gradient = Image.linear_gradient("L").resize(size)
    noise = Image.effect_noise(size, 40)
    return Image.merge("RGB", (noise, gradient, Image.blend(noise, gradient, 0.5)))


def _camera_jpeg(*, progressive: bool = False) -> bytes:
    from PIL import Image, ImageCms

    image = _noisy((6000, 4000))
    exif = Image.Exif()
    exif[0x0112] = 6  # taken with the phone turned
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 7.0)}
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    for quality in (92, 90, 88, 86, 84, 82, 80):
        out = io.BytesIO()
        image.save(  # type: ignore[attr-defined]
            out,
            "JPEG",
            quality=quality,
            progressive=progressive,
            exif=exif.tobytes(),
            icc_profile=icc,
            comment=b"x",
        )
        if out.tell() <= TEN_MB:
            return out.getvalue()
    raise RuntimeError("could not make a JPEG under 10 MB")


def _noisy_png() -> bytes:
    side = 2200
    while True:
        out = io.BytesIO()
        _noisy((side, side)).save(out, "PNG", compress_level=6)  # type: ignore[attr-defined]
        if out.tell() <= TEN_MB:
            return out.getvalue()
        side -= 100


def _peak_mb() -> float:
    """This process's peak resident memory. VmHWM belongs to the process's own memory map;
    getrusage's maxrss is the fallback, though on Linux it keeps the parent's high-water
    mark across fork and exec (the parent made the 24 MP picture, which would count here)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _limit_png() -> bytes:
    """The memory worst case we accept: a PNG at the 20-megapixel limit (PNG has no reduced-
    scale decoding, so every pixel is decoded), smooth enough to stay under 10 MB."""
    from PIL import Image

    size = (5470, 3650)
    gradient = Image.linear_gradient("L").resize(size)
    out = io.BytesIO()
    Image.merge("RGB", (gradient, gradient.transpose(Image.Transpose.ROTATE_180), gradient)).save(
        out, "PNG", compress_level=6
    )
    return out.getvalue()


def _child(path: str) -> None:
    """One measured upload, in this fresh process; prints seconds and peak RSS in MB."""
    import django

    with tempfile.TemporaryDirectory() as folder:
        # The local photo folder, read by the settings at start-up: a throw-away one.
        os.environ["PHOTO_STORAGE_PATH"] = folder
        os.environ.pop("PHOTO_STORAGE_BUCKET", None)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mybcteam.settings")
        django.setup()
        from accounts.photo_store import photo_files_save, photo_key_new
        from accounts.photos import photo_process

        before = _peak_mb()
        start = time.perf_counter()
        with open(path, "rb") as stream:
            files = photo_process(stream=stream, size=os.path.getsize(path))
        photo_files_save(key=photo_key_new(), files=files)
        seconds = time.perf_counter() - start
        peak = _peak_mb()
    print(f"{seconds:.4f} {peak:.1f} {before:.1f}")


def _measure(path: Path, runs: int) -> tuple[list[float], list[float], float]:
    seconds, peaks, baseline = [], [], 0.0
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, "-m", "benchmarks.photo_bench", "--child", str(path)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        seconds.append(float(output[0]))
        peaks.append(float(output[1]))
        baseline = float(output[2])
    return seconds, peaks, baseline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    print(f"load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as folder:
        cases = {
            "24 MP JPEG": _camera_jpeg(),
            "noisy PNG": _noisy_png(),
            "20 MP PNG": _limit_png(),
            "24 MP progressive JPEG": _camera_jpeg(progressive=True),
        }
        for name, data in cases.items():
            path = Path(folder) / "upload"
            path.write_bytes(data)
            seconds, peaks, baseline = _measure(path, args.runs)
            print(
                f"{name}: {len(data) / 1024 / 1024:.2f} MB; "
                f"time median {statistics.median(seconds):.3f} s, max {max(seconds):.3f} s; "
                f"peak RSS max {max(peaks):.0f} MB "
                f"(before the upload, Django loaded: {baseline:.0f} MB)"
            )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
