"""`make bench`: every benchmark of the project, one after the other."""

from . import page_speed


def main() -> None:
    page_speed.main()


if __name__ == "__main__":
    main()
