"""Warning signs in what a member writes: matched on whole words, never inside other words."""

import re
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=4)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    # Spaces inside a phrase match any run of whitespace, so "chest  pain" still counts.
    parts = [r"\s+".join(re.escape(word) for word in p.lower().split()) for p in phrases]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def urgent_symptoms_found(*texts: str) -> list[str]:
    """The warning-sign phrases (from settings.URGENT_SYMPTOM_PHRASES) these texts mention."""
    phrases = tuple(p for p in getattr(settings, "URGENT_SYMPTOM_PHRASES", ()) if p.strip())
    if not phrases:
        return []
    found: list[str] = []
    for text in texts:
        for match in _pattern(phrases).finditer(text or ""):
            phrase = " ".join(match.group(0).lower().split())
            if phrase not in found:
                found.append(phrase)
    return found
