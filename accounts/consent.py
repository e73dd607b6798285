"""The wording members agree to before we store health details, and its version.

Change the version whenever the wording changes: each HealthDataConsent row records the
version the member saw, so we can tell what they agreed to.
"""

HEALTH_CONSENT_VERSION = "2026-11"
HEALTH_CONSENT_TEXT = (
    "Health details (diagnosis, year, HER2 and hormone receptor status, stage, treatments) are "
    "sensitive. We keep them only because you choose to share them, show each one only to the "
    "people you pick, and never use them for advertising. Untick this box and save to withdraw "
    "your consent: we then erase every health detail at once."
)
