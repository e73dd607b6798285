"""One settings module; the environment decides (see README's settings table and .env.example).

No variables at all gives the embedded default: SQLite, local-memory cache, Celery tasks run
in-process and email printed to the console and saved under var/mail/.
"""

from pathlib import Path
from typing import Any

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DJANGO_ENV = env("DJANGO_ENV", default="development")
PRODUCTION = DJANGO_ENV == "production"
TESTING = env.bool("DJANGO_TESTING", default=False)
DEBUG = env.bool("DJANGO_DEBUG", default=False)

if PRODUCTION:
    # Refuse to start rather than run with a guessable key or an open Host header.
    missing = [
        name for name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS") if not env(name, default="")
    ]
    if missing:
        raise ImproperlyConfigured(f"DJANGO_ENV=production needs {', '.join(missing)} to be set.")
    if DEBUG:
        raise ImproperlyConfigured("DJANGO_DEBUG must be off when DJANGO_ENV=production.")

SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-development-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# Absolute links in emails and feeds; never derived from the request's Host header.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "MyBCTeam"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "csp",
    "core",
    "core.mail",
    "catalogue",
    "moderation",
    "accounts",
    "notifications",
    "articles",
    "forum",
    "activities",
    "treatments",
    "conversations",
    "newsletter",
    "search",
    "mybcteam",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the session and everything that reads: it picks the database a request reads.
    "core.read_your_writes.ReadYourWritesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.MemberResponsesPrivateMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Inside everything above, so cached pages still get CSRF cookies and security headers.
    "core.page_cache.AnonymousPageCacheMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "accounts.middleware.StaffTwoFactorMiddleware",
    "core.middleware.StripNulBytesMiddleware",
]

ROOT_URLCONF = "mybcteam.urls"
WSGI_APPLICATION = "mybcteam.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "core.context_processors.site",
                "core.context_processors.csrf_for_page_cache",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 3
else:
    # A busy SQLite file should wait for the writer rather than fail at once.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
USING_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
# A streaming read replica of the primary (docs/multinode.md). Unset: every query uses
# `default` and no router runs. Set: safe requests of members who wrote nothing lately read it
# while it is at most REPLICA_MAX_LAG_SECONDS behind, checked once every REPLICA_CHECK_SECONDS
# per process; a member who wrote reads the primary for REPLICA_STICKY_SECONDS, which must be at
# least the sum of the other two plus PAGE_CACHE_VERSION_SECONDS.
DATABASE_REPLICA_URL = env("DATABASE_REPLICA_URL", default="")
REPLICA_MAX_LAG_SECONDS = env.float("REPLICA_MAX_LAG_SECONDS", default=2.0)
REPLICA_CHECK_SECONDS = env.float("REPLICA_CHECK_SECONDS", default=1.0)
REPLICA_STICKY_SECONDS = env.float("REPLICA_STICKY_SECONDS", default=5.0)
DATABASE_ROUTERS: list[str] = []
if DATABASE_REPLICA_URL:
    if not USING_POSTGRES:
        raise ImproperlyConfigured("DATABASE_REPLICA_URL needs a PostgreSQL DATABASE_URL.")
    DATABASES["replica"] = {
        **env.db("DATABASE_REPLICA_URL"),
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": True,
        # Never a database of its own in tests: it mirrors the primary's test database.
        "TEST": {"MIRROR": "default"},
    }
    # A replica that is down must cost a request little: libpq's shortest wait.
    DATABASES["replica"].setdefault("OPTIONS", {})["connect_timeout"] = 2
    DATABASE_ROUTERS = ["core.db_routing.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# --- Cache, Celery --------------------------------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Fails soft: a Redis outage reads as a cache miss instead of a 500.
            "BACKEND": "core.cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="mybcteam"),
            "OPTIONS": {
                # Redis answers in well under a millisecond on a working network; a slower
                # answer is an outage, and core.outage then skips Redis for a pause.
                "socket_connect_timeout": 0.25,
                "socket_timeout": 0.25,
                # Rate-limit keys keep working in an outage, in the database (core.cache).
                "FALLBACK_ALIAS": "fallback",
                "FALLBACK_KEY_PREFIXES": ["allauth:rl:", "ratelimit:"],
            },
        },
        "fallback": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "core_cache_fallback",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# After Redis fails once, this process skips it for this long (core.outage): a request waits
# for one Redis timeout at most, and queued work waits in the database for the sweepers.
REDIS_OUTAGE_PAUSE_SECONDS = env.float("REDIS_OUTAGE_PAUSE_SECONDS", default=5.0)

# The members' "My team" feeds live in Redis under this prefix (activities.feed.store); they
# are rebuilt from the database when missing, so Redis may evict or lose them.
FEED_KEY_PREFIX = env("FEED_KEY_PREFIX", default="mybcteam:feed")

# How long a process may reuse the anonymous page cache's content version before reading it
# again (docs/caching.md): the most another process can lag behind a change. 0 reads it on
# every request.
PAGE_CACHE_VERSION_SECONDS = env.float("PAGE_CACHE_VERSION_SECONDS", default=1.0)
# A member who wrote must read the primary until any replica read is sure to include her write
# (docs/multinode.md, "The windows").
if DATABASE_REPLICA_URL and REPLICA_STICKY_SECONDS < (
    REPLICA_MAX_LAG_SECONDS + REPLICA_CHECK_SECONDS + PAGE_CACHE_VERSION_SECONDS
):
    raise ImproperlyConfigured(
        "REPLICA_STICKY_SECONDS must be at least REPLICA_MAX_LAG_SECONDS + REPLICA_CHECK_SECONDS"
        " + PAGE_CACHE_VERSION_SECONDS, or a member may not see her own write."
    )

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

CELERY_BROKER_URL = REDIS_URL or "memory://"
# No task result is ever read; a result backend would reconnect to Redis inside the request
# that queues a task (about 19 s with Redis down).
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
# `make run` needs neither Redis nor a worker: without a broker, tasks run in-process.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TIMEZONE = "UTC"
# A task not acknowledged within this window is handed to another worker; no countdown or
# eta in this project may exceed it (core.mail.tasks.MAX_COUNTDOWN_SECONDS is below it).
CELERY_BROKER_VISIBILITY_TIMEOUT = 3600
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_BROKER_VISIBILITY_TIMEOUT,
    # Publishing from a web request gives up quickly on a down or hung Redis (core.queue).
    "socket_connect_timeout": 0.3,
    "socket_timeout": 0.3,
    "max_retries": 0,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 0.3
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing must not hang a web request when Redis is down: the outbox sweeper catches up.
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    # Every 10 s: a dead worker's claims lapse after MAIL_LEASE_SECONDS, and the next sweep
    # hands them out again, so a crash delays an email by at most lease + 10 s (docs/email.md).
    "outbox-sweep": {"task": "core.mail.tasks.outbox_sweep", "schedule": 10.0},
    "outbox-prune": {"task": "core.mail.tasks.outbox_prune", "schedule": 3600.0},
    "content-versions-prune": {"task": "core.tasks.content_versions_prune_old", "schedule": 3600.0},
    "posting-keys-prune": {"task": "core.tasks.posting_keys_prune_old", "schedule": 3600.0},
    # Daily digests (every kind a member chose "one email a day" for, question follows among
    # them): due from NOTIFICATIONS_DIGEST_HOUR; each run drains the due batches, and running
    # every 10 minutes means a broker outage between batches only delays the rest.
    "notifications-digest": {
        "task": "notifications.tasks.notifications_digest_send",
        "schedule": 600.0,
    },
    # Follower emails whose task never got queued (broker outage): delayed, never lost.
    "forum-answer-notify-sweep": {"task": "forum.tasks.answer_notify_sweep", "schedule": 120.0},
    "newsletter-sweep": {"task": "newsletter.tasks.newsletter_sweep", "schedule": 10.0},
    # Feed jobs whose task was lost with the broker, or that found Redis away (docs/community.md).
    "feed-jobs-sweep": {"task": "activities.feed.tasks.feed_jobs_sweep", "schedule": 15.0},
    # Treatment figures: each change queues its treatment's refresh; this catches the rest
    # (a queueing failure, profile facts shared or withdrawn) within 15 minutes. 100 000
    # experiences take well under a minute (benchmarks/RESULTS.md).
    "treatment-figures-refresh": {
        "task": "treatments.tasks.treatment_figures_refresh_all",
        "schedule": 900.0,
    },
}
# Task modules outside an app's own tasks.py, which autodiscovery would not find.
CELERY_IMPORTS = ["activities.feed.tasks"]

# Hour (UTC) of the daily notification digest (docs/notifications.md).
NOTIFICATIONS_DIGEST_HOUR = env.int("NOTIFICATIONS_DIGEST_HOUR", default=7)

# --- Newsletter (see docs/newsletter.md) ------------------------------------------------------
# The weekly digest: day of week (0 = Sunday ... 6 = Saturday) and hour, UTC.
DIGEST_WEEKDAY = env.int("DIGEST_WEEKDAY", default=1)
DIGEST_HOUR = env.int("DIGEST_HOUR", default=8)
CELERY_BEAT_SCHEDULE["newsletter-weekly-digest"] = {
    "task": "newsletter.tasks.newsletter_digest_start",
    "schedule": crontab(day_of_week=DIGEST_WEEKDAY, hour=DIGEST_HOUR, minute=0),
}
# First retry of a chunk after a 4xx/connection error; doubles each time.
NEWSLETTER_RETRY_BASE_SECONDS = env.int("NEWSLETTER_RETRY_BASE_SECONDS", default=30)
# Queued deliveries no task touched for this long are dispatched again (a task lost with the
# broker), and a fan-out running this long is run again. Claims of dead workers are not
# waited for this long: their lease (MAIL_LEASE_SECONDS) lapses within a minute.
NEWSLETTER_REDISPATCH_SECONDS = env.int(
    "NEWSLETTER_REDISPATCH_SECONDS", default=CELERY_TASK_TIME_LIMIT + 60
)
# Discreet mode's From; empty keeps DEFAULT_FROM_EMAIL's address under a neutral name.
NEWSLETTER_DISCREET_FROM_EMAIL = env("NEWSLETTER_DISCREET_FROM_EMAIL", default="")

# --- Email ----------------------------------------------------------------------------------
# A worker's claim on the emails it is sending lapses this long after its last renewal (it
# renews every sixth of it while it works): a dead worker's emails go out again after it.
MAIL_LEASE_SECONDS = env.int("MAIL_LEASE_SECONDS", default=30)
# A mailing writes its `sent` marks in batches of this many (or every 0.25 s): the most
# emails a killed worker process may send twice (docs/email.md). 1: mark each at once.
MAIL_MARK_BATCH = env.int("MAIL_MARK_BATCH", default=20)
# Sent emails are kept this long (to answer "did it go?"), then deleted by the hourly prune.
OUTBOX_KEEP_SENT_DAYS = env.int("OUTBOX_KEEP_SENT_DAYS", default=30)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="MyBCTeam <hello@mybcteam.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env("EMAIL_HOST", default="")
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "mail"))
# The transport the outbox worker hands messages to. Application code never sends directly:
# it calls core.mail.services.email_enqueue (see docs/email.md).
EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND",
    default=(
        "django.core.mail.backends.smtp.EmailBackend"
        if EMAIL_HOST
        else "core.mail.backends.ConsoleAndFileBackend"
    ),
)

# --- Accounts (django-allauth) --------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupExtraForm"
# Signing up with a registered address costs the same as with a new one (no enumeration).
ACCOUNT_FORMS = {
    "signup": "accounts.signup_form.SignupForm",
    "login": "accounts.signup_form.LoginForm",
}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Opening the confirmation link in the browser she joined from logs her in (allauth keeps the
# pending sign-up in that session for ACCOUNT_LOGIN_TIMEOUT, 15 minutes by default) and
# starts the welcome flow; anywhere else the link confirms and asks her to log in.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SIGNUP_REDIRECT_URL = "accounts:welcome"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 1
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_TIMEOUT = 600
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 600
ACCOUNT_PASSWORD_RESET_BY_CODE_TIMEOUT = 600
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    # "Send the link again" on the check-your-inbox page, no login needed (accounts/resend.py);
    # the key is the address typed, whether or not an account uses it.
    "resend_confirmation": "10/h/ip,3/h/key",
    "reset_password": "20/m/ip,5/m/key",
    "change_password": "5/m/user",
}
ACCOUNT_UNIQUE_EMAIL = True
# Tell members by email when their password, email address or two-factor settings change.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
# Rate limits key on the client address; only this many proxies' X-Forwarded-For are trusted.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "MyBCTeam"
STAFF_REQUIRE_2FA = env.bool("STAFF_REQUIRE_2FA", default=PRODUCTION)

# --- Moderation (docs/moderation.md) ---------------------------------------------------------
# Reports from this many distinct members put an item on hold pending review.
MODERATION_AUTO_HIDE_REPORTS = env.int("MODERATION_AUTO_HIDE_REPORTS", default=3)
# A member's posts wait for review during their first hours; links wait until they have
# this many visible posts.
MODERATION_NEW_MEMBER_HOURS = env.int("MODERATION_NEW_MEMBER_HOURS", default=24)
MODERATION_LINK_TRUST_POSTS = env.int("MODERATION_LINK_TRUST_POSTS", default=3)
MODERATION_QUESTIONS_PER_HOUR = env.int("MODERATION_QUESTIONS_PER_HOUR", default=5)
MODERATION_REPLIES_PER_HOUR = env.int("MODERATION_REPLIES_PER_HOUR", default=30)
MODERATION_DUPLICATE_MINUTES = env.int("MODERATION_DUPLICATE_MINUTES", default=10)
# What members are told a held post waits at most while there are too few recent reviews to
# give the usual wait (moderation.policy.review_usual_wait): keep it to what the team can keep.
MODERATION_REVIEW_TARGET_HOURS = env.int("MODERATION_REVIEW_TARGET_HOURS", default=24)
# Phrases (lower case) that put a post at the top of the queue and show its author a card
# with crisis resources; see moderation.policy.DEFAULT_SELF_HARM_TERMS for the default list.
MODERATION_SELF_HARM_TERMS = env.list("MODERATION_SELF_HARM_TERMS", default=[]) or None
# Patterns (regular expressions, matched case-insensitively sentence by sentence) for posts that
# advise stopping or refusing treatment or promote a cure in its place: such a post waits for a
# moderator before anyone reads it. `{treatment}` and `{remedy}` stand for moderation.policy's
# word lists. None keeps moderation.policy.DEFAULT_HARMFUL_CLAIM_PATTERNS, reviewed with the
# realistic texts in tests/moderation/test_policy.py; change both together. Kept here, not in
# the environment: a pattern is code to review, not a deployment switch.
MODERATION_HARMFUL_CLAIM_PATTERNS: list[str] | None = None

# --- Private messages (docs/messages.md) ------------------------------------------------------
# Fernet keys for message bodies at rest, comma-separated, newest first: new text uses the first,
# every key listed still decrypts. Rotate by putting a new key first, running
# `manage.py messages_rekey`, then dropping the old key. Development and tests derive a key from
# SECRET_KEY when this is empty; production refuses to start without it.
MESSAGES_ENCRYPTION_KEYS = env.list("MESSAGES_ENCRYPTION_KEYS", default=[])
if PRODUCTION and not MESSAGES_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "DJANGO_ENV=production needs MESSAGES_ENCRYPTION_KEYS (see docs/messages.md)."
    )
MESSAGES_PER_HOUR = env.int("MESSAGES_PER_HOUR", default=60)
MESSAGES_PER_DAY = env.int("MESSAGES_PER_DAY", default=300)
MESSAGE_REQUESTS_PER_HOUR = env.int("MESSAGE_REQUESTS_PER_HOUR", default=3)
MESSAGE_REQUESTS_PER_DAY = env.int("MESSAGE_REQUESTS_PER_DAY", default=8)
# How long after sending a member may still correct a message.
MESSAGES_EDIT_MINUTES = env.int("MESSAGES_EDIT_MINUTES", default=10)
# How many earlier messages a moderator sees with a reported one (each look is logged).
MESSAGES_REPORT_CONTEXT = 5

# --- Community rules --------------------------------------------------------------------------
EDIT_WINDOW_MINUTES = 30
# Warning signs that make the forum show a calm "call your care team now" card (whole words).
URGENT_SYMPTOM_PHRASES = [
    "fever",
    "high temperature",
    "chest pain",
    "chest tightness",
    "shortness of breath",
    "short of breath",
    "trouble breathing",
    "can't breathe",
    "cannot breathe",
    "chills",
    "shaking",
    "infection",
    "infected",
    "pus",
    "bleeding",
    "blood in",
    "coughing up blood",
    "fainted",
    "fainting",
    "confusion",
    "severe headache",
    "swollen leg",
    "racing heart",
    "heart racing",
]

# --- Static files, i18n ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Profile photos (accounts/photos.py): a private folder on the embedded default, an
# S3-compatible bucket in production. Never served from MEDIA_URL: a members-only view reads
# them, or hands an allowed viewer a signed URL that lapses after PHOTO_URL_SECONDS.
PHOTO_STORAGE_BUCKET = env("PHOTO_STORAGE_BUCKET", default="")
PHOTO_URL_SECONDS = env.int("PHOTO_URL_SECONDS", default=300)
PHOTO_STORAGE: dict[str, Any] = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": PHOTO_STORAGE_BUCKET,
            "endpoint_url": env("PHOTO_STORAGE_ENDPOINT_URL", default="") or None,
            "region_name": env("PHOTO_STORAGE_REGION", default="") or None,
            "access_key": env("PHOTO_STORAGE_ACCESS_KEY_ID", default="") or None,
            "secret_key": env("PHOTO_STORAGE_SECRET_ACCESS_KEY", default="") or None,
            "location": "photos",
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": PHOTO_URL_SECONDS,
            "signature_version": "s3v4",
            "file_overwrite": False,
        },
    }
    if PHOTO_STORAGE_BUCKET
    else {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": env(
                "PHOTO_STORAGE_PATH", default=str(BASE_DIR / "var" / "media" / "photos")
            ),
        },
    }
)
# Any uploaded file over this is dropped while the body is read (core/uploads.py); the only
# uploads are profile photos, whose limit is 10 MB.
UPLOAD_MAX_FILE_BYTES = 10 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "core.uploads.UploadSizeCapHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "photos": PHOTO_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production WhiteNoise serves straight from the source folders: no collectstatic.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "var" / "media"
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if PRODUCTION:
    # TLS ends at the proxy; it tells us the original scheme in X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# No third-party origin anywhere: every script, style, font and image is served by us.
# Where a browser is sent for a photo with a bucket: its signed URLs' origin.
_PHOTO_ENDPOINT = env("PHOTO_STORAGE_ENDPOINT_URL", default="").rstrip("/")
_PHOTO_REGION = env("PHOTO_STORAGE_REGION", default="") or "us-east-1"
PHOTO_IMAGE_ORIGINS: list[str] = (
    []
    if not PHOTO_STORAGE_BUCKET
    else [_PHOTO_ENDPOINT]
    if _PHOTO_ENDPOINT
    else [
        f"https://{PHOTO_STORAGE_BUCKET}.s3.amazonaws.com",
        f"https://{PHOTO_STORAGE_BUCKET}.s3.{_PHOTO_REGION}.amazonaws.com",
    ]
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *PHOTO_IMAGE_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# --- Logging: never post text, passwords or tokens ------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "core.logging_filters.RedactSecretsFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # Request logs carry full URLs, whose tokens (newsletter, email confirmation) are secret.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
    },
}
