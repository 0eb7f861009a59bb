"""Vouch settings. Environments differ only by environment variables (see README)."""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env")

# Like healthchecks: a fresh checkout runs in DEBUG on the embedded default, and
# production says DEBUG=False, which switches every secure default on.
DEBUG = env.bool("DEBUG", default=True)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug-mode-0123456789"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "django_htmx",
    "csp",
    "axes",
    "organisations",
    "policy",
    "invitations",
    "review",
    "audit",
    "insights",
    "mailboxes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "invitations.upload_limits.OversizedUploadMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "organisations.preferences.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "organisations.context_processors.navigation",
            ],
        },
    },
]

# The embedded default is a SQLite file; tests and production set DATABASE_URL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'vouch.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="en")
LANGUAGES = [("en", "English"), ("de", "Deutsch"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Berlin")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Vouch <vouch@localhost>")

# Security: every switch is on unless DEBUG; each can be turned off by name
# (e.g. SECURE_SSL_REDIRECT=False behind a proxy that already redirects).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
if env.bool("BEHIND_HTTPS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Upload caps for intake; the parsers enforce their own finer limits.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# The policy editor posts a field per rule parameter and per custom rule.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 3000
VOUCH_MAX_UPLOAD_BYTES = env.int("VOUCH_MAX_UPLOAD_BYTES", default=50 * 1024 * 1024)
# Uploads are refused from the request's Content-Length and while they stream in.
FILE_UPLOAD_HANDLERS = [
    "invitations.upload_limits.SizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Smaller uploads (not ZIPs) are imported in the request; larger ones by a worker, with
# a progress page. Parsing one file stops with an error after VOUCH_UPLOAD_PARSE_SECONDS.
VOUCH_UPLOAD_INLINE_BYTES = env.int("VOUCH_UPLOAD_INLINE_BYTES", default=256 * 1024)
VOUCH_UPLOAD_PARSE_SECONDS = env.float("VOUCH_UPLOAD_PARSE_SECONDS", default=120.0)
# A worker parses each e-mail in a child process under these limits.
VOUCH_EMAIL_PARSE_SECONDS = env.float("VOUCH_EMAIL_PARSE_SECONDS", default=10.0)
VOUCH_EMAIL_PARSE_MEMORY_MB = env.int("VOUCH_EMAIL_PARSE_MEMORY_MB", default=256)
# Authserv-ids of the organisation's own receiving mail servers: only their
# Authentication-Results headers count for forwarded mail. Empty: the topmost header counts.
VOUCH_AUTHSERV_ID = tuple(env.list("VOUCH_AUTHSERV_ID", default=[]))

# Celery. With no broker configured, tasks run in-process (the embedded default);
# with REDIS_URL or CELERY_BROKER_URL they go to separate worker processes.
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Celery's Django fixup closes the database connection around every task unless
# this is set; config/celery.py applies CONN_MAX_AGE and health checks per task
# instead, as Django does per request.
CELERY_DB_REUSE_MAX = 10_000
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Time limits stay below the visibility timeout, so Redis never hands a task
# that is still running to a second worker.
CELERY_BROKER_VISIBILITY_TIMEOUT = env.int("CELERY_BROKER_VISIBILITY_TIMEOUT", default=3600)
# A hung or unreachable broker must never hold a request: every Redis call gives up
# after these many seconds. A request that
# could not publish still succeeds; the sweeper and the outbox flush catch up.
VOUCH_BROKER_TIMEOUT = env.float("VOUCH_BROKER_TIMEOUT", default=1.5)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_BROKER_VISIBILITY_TIMEOUT,
    "socket_timeout": VOUCH_BROKER_TIMEOUT,
    "socket_connect_timeout": VOUCH_BROKER_TIMEOUT,
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_BROKER_CONNECTION_TIMEOUT = VOUCH_BROKER_TIMEOUT
# No publish retry: a failed publish is caught up by the sweeper or the outbox flush,
# and config.publish stops trying for VOUCH_BROKER_BACKOFF_SECONDS after a failure.
CELERY_TASK_PUBLISH_RETRY = False
VOUCH_BROKER_BACKOFF_SECONDS = env.float("VOUCH_BROKER_BACKOFF_SECONDS", default=10)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=300)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=360)
if CELERY_TASK_TIME_LIMIT >= CELERY_BROKER_VISIBILITY_TIMEOUT:
    raise ImproperlyConfigured("CELERY_TASK_TIME_LIMIT must be below the visibility timeout.")
CELERY_TASK_DEFAULT_QUEUE = "vouch"
CELERY_BEAT_SCHEDULE = {
    "sweep-stuck-invitations": {
        "task": "invitations.tasks.sweep_stuck",
        "schedule": env.int("VOUCH_SWEEP_EVERY_SECONDS", default=15),
    },
    "flush-outbox": {
        "task": "organisations.tasks.flush_outbox",
        "schedule": env.int("VOUCH_OUTBOX_FLUSH_SECONDS", default=30),
    },
    "apply-audit-retention": {
        "task": "audit.tasks.apply_retention",
        "schedule": crontab(hour=3, minute=17),
    },
    "send-audit-anchors": {
        "task": "audit.tasks.send_anchors",
        "schedule": crontab(hour=3, minute=47),
    },
    "poll-mailboxes": {
        "task": "mailboxes.tasks.poll_mailboxes",
        "schedule": env.int("VOUCH_MAILBOX_POLL_SECONDS", default=60),
    },
}

# A claimed invitation is released only after its task's hard time limit has passed
# (a system check enforces the order); received-but-unclaimed work is queued again
# after VOUCH_QUEUED_STUCK_AFTER_SECONDS when the broker's queue is empty, i.e. when
# its message was lost (a Redis wipe or a failed publish).
VOUCH_STUCK_AFTER_SECONDS = env.int(
    "VOUCH_STUCK_AFTER_SECONDS", default=CELERY_TASK_TIME_LIMIT + 60
)
VOUCH_QUEUED_STUCK_AFTER_SECONDS = env.int("VOUCH_QUEUED_STUCK_AFTER_SECONDS", default=30)
# After this many claims an invitation is marked failed instead of being queued again.
VOUCH_EVALUATION_MAX_ATTEMPTS = env.int("VOUCH_EVALUATION_MAX_ATTEMPTS", default=5)
VOUCH_MEMBER_INVITATION_DAYS = env.int("VOUCH_MEMBER_INVITATION_DAYS", default=7)
VOUCH_OUTBOX_MAX_ATTEMPTS = env.int("VOUCH_OUTBOX_MAX_ATTEMPTS", default=8)
# Workers refresh a heartbeat this often; /healthz wants one younger than three periods.
VOUCH_WORKER_HEARTBEAT_SECONDS = env.int("VOUCH_WORKER_HEARTBEAT_SECONDS", default=10)
# Audit anchors: the signing key and the folder the daily anchor is written to both
# belong outside the database (see README, "Audit log guarantees").
VOUCH_AUDIT_ANCHOR_KEY = env.str("VOUCH_AUDIT_ANCHOR_KEY", default="")
VOUCH_AUDIT_ANCHOR_DIR = env.str("VOUCH_AUDIT_ANCHOR_DIR", default="")
# Keys for secrets stored in the database (mailbox passwords): the first encrypts, all
# decrypt, so a key can be rotated; SECRET_KEY is the fallback and always decrypts.
VOUCH_FIELD_KEY = env.list("VOUCH_FIELD_KEY", default=[])
VOUCH_IMAP_TIMEOUT_SECONDS = env.int("VOUCH_IMAP_TIMEOUT_SECONDS", default=30)
VOUCH_MAILBOX_BATCH = env.int("VOUCH_MAILBOX_BATCH", default=100)
VOUCH_EVALUATION_BATCH = env.int("VOUCH_EVALUATION_BATCH", default=1000)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["organisations.api_auth.OrganisationTokenAuthentication"],
    # The web's roles, through one permission class over organisations.access.
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "organisations.api_access.OrganisationAccess",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["organisations.api_access.TokenRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "invitations.api.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
}
# Requests per API token ("600/minute", "20/second"; empty turns the limit off), counted
# in Redis when REDIS_URL is set so that all web processes share one count.
VOUCH_API_THROTTLE_RATE = env.str("VOUCH_API_THROTTLE_RATE", default="600/minute")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "throttle": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "vouch",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "throttle"}
    ),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Vouch API",
    "DESCRIPTION": "Submit LinkedIn invitations for evaluation against your organisation's policy.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "ENUM_NAME_OVERRIDES": {
        "RecommendationEnum": "invitations.models.Recommendation",
        "InvitationStatusEnum": "invitations.models.Status",
        "UploadStatusEnum": "invitations.models.UploadStatus",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
