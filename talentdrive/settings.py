"""Settings for Talent Drive, read from the environment.

The embedded default needs nothing set: SQLite under ``var/``, console email, immediate tasks.
Production is the same code with ``TALENTDRIVE_ENV=production`` and a real ``SECRET_KEY``,
``DATABASE_URL`` and ``ALLOWED_HOSTS``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("TALENTDRIVE_VAR_DIR", PROJECT_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


ENVIRONMENT = os.environ.get("TALENTDRIVE_ENV", "development")
IS_PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("DEBUG", default=not IS_PRODUCTION)
_DEV_SECRET = "talentdrive-embedded-development-key-not-for-production-use-0123456789"
SECRET_KEY = os.environ.get("SECRET_KEY", "" if IS_PRODUCTION else _DEV_SECRET)
if IS_PRODUCTION and not SECRET_KEY:
    raise RuntimeError("SECRET_KEY must be set when TALENTDRIVE_ENV=production")
if IS_PRODUCTION and SECRET_KEY == _DEV_SECRET:
    # The development key is public (it is in this repository): with it anyone could forge status links.
    raise RuntimeError("SECRET_KEY is the public development key; set a secret one for production")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if IS_PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "talentdrive.accounts",
    "talentdrive.audit",
    "talentdrive.plans",
    "talentdrive.candidates",
    "talentdrive.resumes",
    "talentdrive.matching",
    "talentdrive.pipeline",
    "talentdrive.offers",
    "talentdrive.webhooks",
    "talentdrive.interviews",
    "talentdrive.hiring",
    "talentdrive.insights",
    "talentdrive.campus",
    "talentdrive.portal",
    "talentdrive.backoffice",
    "talentdrive.api",
    # Beside the domain: the demo drive, quality measurement, and the command that serves the site.
    "talentdrive.demo",
    "talentdrive.evaluation",
    "talentdrive.serving",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "talentdrive.serving.middleware.NulCharacterMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # django-otp marks whether this session passed a second factor; ours then stops a session that owes one.
    "django_otp.middleware.OTPMiddleware",
    "talentdrive.backoffice.second_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "talentdrive.urls"
WSGI_APPLICATION = "talentdrive.wsgi.application"
ASGI_APPLICATION = "talentdrive.asgi.application"

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
            ],
            "libraries": {"formfields": "talentdrive.formtags"},
        },
    },
]

_default_sqlite = f"sqlite:///{VAR_DIR / 'talentdrive.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", _default_sqlite),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed during a write; IMMEDIATE makes a writing transaction take the
    # write lock at BEGIN, so two writers queue instead of failing mid-transaction.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TALENTDRIVE_TEST_SQLITE") or None}
else:
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TALENTDRIVE_TEST_DB", "test_talentdrive")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "backoffice:login"
LOGIN_REDIRECT_URL = "backoffice:home"
LOGOUT_REDIRECT_URL = "backoffice:login"

# django-axes counts failed logins (the back office and the admin) and locks out an account after
# AXES_FAILURE_LIMIT failures, and separately an address that fails on many accounts, for an hour.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "backoffice/locked_out.html"
AXES_VERBOSE = False
if os.environ.get("RATELIMIT_IP_META_KEY"):
    AXES_IPWARE_META_PRECEDENCE_ORDER = [os.environ["RATELIMIT_IP_META_KEY"], "REMOTE_ADDR"]

# Two-factor sign-in (accounts/two_factor.py): optional for staff; administrators must enrol where this
# is on, which is production's default. Off in the embedded default, `make demo` and the tests.
TALENTDRIVE_ADMIN_SECOND_FACTOR = env_bool("TALENTDRIVE_ADMIN_SECOND_FACTOR", IS_PRODUCTION)
OTP_TOTP_ISSUER = os.environ.get("TALENTDRIVE_OTP_ISSUER", "Talent Drive")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if IS_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
    # The built match index (docs/matching.md): one archive per build, read by every web process on
    # any host. Local files under var/ by default; on several hosts a shared store, e.g. an
    # S3-compatible bucket with django-storages:
    # TALENTDRIVE_MATCH_STORAGE_BACKEND=storages.backends.s3.S3Storage and
    # TALENTDRIVE_MATCH_STORAGE_OPTIONS='{"bucket_name": "…", "endpoint_url": "…", "location": "matching"}'.
    "matching": {
        "BACKEND": os.environ.get(
            "TALENTDRIVE_MATCH_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"
        ),
        "OPTIONS": json.loads(os.environ.get("TALENTDRIVE_MATCH_STORAGE_OPTIONS") or "{}"),
    },
}
if STORAGES["matching"]["BACKEND"] == "django.core.files.storage.FileSystemStorage":
    STORAGES["matching"]["OPTIONS"].setdefault("location", str(VAR_DIR / "matching"))
WHITENOISE_USE_FINDERS = not IS_PRODUCTION

# The embedded default prints emails; production sends them over SMTP (EMAIL_HOST, EMAIL_PORT, …) unless
# another backend is set, and `check --deploy` warns about a backend that delivers nothing.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if IS_PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "careers@talentdrive.example")

CACHES = {
    "default": {
        "BACKEND": os.environ.get("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": os.environ.get("CACHE_LOCATION", "talentdrive"),
    }
}

# Background work: immediate in the embedded default (`make demo`); in production the database-backed
# queue (run `manage.py db_worker` processes beside the web processes), so parsing, emails and index
# rebuilds never run inside a request. TASKS_BACKEND overrides either.
IMMEDIATE_TASKS = "django_tasks.backends.immediate.ImmediateBackend"
DATABASE_TASKS = "django_tasks_db.DatabaseBackend"
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", DATABASE_TASKS if IS_PRODUCTION else IMMEDIATE_TASKS)
    }
}
# A task that raises is run again after BACKOFF × 2^(n-1) seconds until MAX_ATTEMPTS attempts
# (talentdrive/tasking.py); the last failure stays as a failed task result in the admin.
TASK_MAX_ATTEMPTS = int(os.environ.get("TALENTDRIVE_TASK_MAX_ATTEMPTS", 5))
TASK_BACKOFF_SECONDS = float(os.environ.get("TALENTDRIVE_TASK_BACKOFF_SECONDS", 15))

DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
TALENTDRIVE = {
    "UPLOAD_MAX_BYTES": int(os.environ.get("TALENTDRIVE_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)),
    "IMPORT_MAX_BYTES": int(os.environ.get("TALENTDRIVE_IMPORT_MAX_BYTES", 20 * 1024 * 1024)),
    "IMPORT_MAX_ROWS": int(os.environ.get("TALENTDRIVE_IMPORT_MAX_ROWS", 50_000)),
    "RESUME_MAX_PAGES": int(os.environ.get("TALENTDRIVE_RESUME_MAX_PAGES", 20)),
    # Parsing a stored résumé runs in a child process with these limits, enforced by the operating
    # system (resumes/ingest/sandbox.py): CPU seconds, megabytes of memory beyond what the child maps at
    # its start, and wall seconds. TALENTDRIVE_PARSE_ISOLATED=0 parses in the calling process instead.
    "PARSE_ISOLATED": env_bool("TALENTDRIVE_PARSE_ISOLATED", default=True),
    "PARSE_CPU_SECONDS": int(os.environ.get("TALENTDRIVE_PARSE_CPU_SECONDS", 20)),
    "PARSE_MEMORY_MB": int(os.environ.get("TALENTDRIVE_PARSE_MEMORY_MB", 768)),
    "PARSE_WALL_SECONDS": float(os.environ.get("TALENTDRIVE_PARSE_WALL_SECONDS", 60)),
    "CAMPUS_ACTIVE_APPLICATION_CAP": int(os.environ.get("TALENTDRIVE_CAMPUS_CAP", 3)),
    # django-ratelimit rates for applying: per client address and per email address. The address
    # limit is generous because a whole campus may share one address; the email limit does the work.
    "APPLY_RATE_PER_IP": os.environ.get("TALENTDRIVE_APPLY_RATE_PER_IP", "300/m"),
    "APPLY_RATE_PER_EMAIL": os.environ.get("TALENTDRIVE_APPLY_RATE_PER_EMAIL", "10/h"),
    # The employer named in job postings (schema.org hiringOrganization); empty: the hiring team's
    # business group.
    "EMPLOYER_NAME": os.environ.get("TALENTDRIVE_EMPLOYER_NAME", ""),
    # Job search holds the open jobs in each web process and asks the database whether any changed at
    # most this often (seconds): an opened, closed or edited job shows in a new search within this
    # bound. 0 asks on every search (the embedded default, so a demo shows an edit at once).
    "JOB_SEARCH_RECHECK_SECONDS": float(
        os.environ.get("TALENTDRIVE_JOB_SEARCH_RECHECK_SECONDS", 1.0 if IS_PRODUCTION else 0.0)
    ),
    # Webhooks (docs/webhooks.md): a failed delivery is tried again after BACKOFF × 2^(n-1) seconds,
    # at most CAP apart, until MAX_ATTEMPTS attempts; each POST waits TIMEOUT seconds for an answer.
    "WEBHOOK_BACKOFF_SECONDS": float(os.environ.get("TALENTDRIVE_WEBHOOK_BACKOFF_SECONDS", 30)),
    "WEBHOOK_BACKOFF_CAP_SECONDS": float(os.environ.get("TALENTDRIVE_WEBHOOK_BACKOFF_CAP_SECONDS", 6 * 3600)),
    "WEBHOOK_MAX_ATTEMPTS": int(os.environ.get("TALENTDRIVE_WEBHOOK_MAX_ATTEMPTS", 8)),
    "WEBHOOK_TIMEOUT_SECONDS": float(os.environ.get("TALENTDRIVE_WEBHOOK_TIMEOUT_SECONDS", 5)),
    # Interviews (docs/architecture.md#interviews-and-scorecards): the most interviews one interviewer
    # takes in a calendar week (Monday to Sunday in TIME_ZONE); scheduling one more is refused.
    "INTERVIEWER_WEEKLY_CAP": int(os.environ.get("TALENTDRIVE_INTERVIEWER_WEEKLY_CAP", 8)),
}
# Behind a reverse proxy, the client address comes from the header the proxy sets, e.g.
# RATELIMIT_IP_META_KEY=HTTP_X_REAL_IP. Several web processes need a shared cache for the limits to be
# counted once: CACHE_BACKEND=django.core.cache.backends.redis.RedisCache, CACHE_LOCATION=redis://...
if os.environ.get("RATELIMIT_IP_META_KEY"):
    RATELIMIT_IP_META_KEY = os.environ["RATELIMIT_IP_META_KEY"]
# Candidate emails (docs/architecture.md#candidate-emails): a rejection email waits this many minutes, so
# the recruiter can undo the rejection (reopen) before the candidate hears of it; 0 sends at once.
TALENTDRIVE_REJECTION_QUIET_MINUTES = float(os.environ.get("TALENTDRIVE_REJECTION_QUIET_MINUTES", 30))
# Where candidates' status links point when the application did not come through the career site
# (an import, the API): the site's public address, e.g. https://careers.example.com/.
# Where emails' links to the career site point when no request names it (role suggestions, imports):
# the development server's address unless set; production must set it (a deploy check says so).
TALENTDRIVE_PORTAL_URL = os.environ.get(
    "TALENTDRIVE_PORTAL_URL", "" if IS_PRODUCTION else "http://127.0.0.1:8000"
)
# Directories (comma-separated) of administrators' YAML files that extend the shipped skill taxonomy.
TALENTDRIVE_TAXONOMY_DIRS = env_list("TALENTDRIVE_TAXONOMY_DIRS", "")

# Content-Security-Policy (django-csp): scripts and styles only from this site, no inline script.
# Inline style *attributes* stay allowed for the progress bars' widths; they cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Permissions-Policy (django-permissions-policy): no page needs a camera, microphone, location or payment.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if IS_PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31_536_000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # Status links and email addresses never reach a log line (talentdrive/logredact.py).
    "filters": {"redact": {"()": "talentdrive.logredact.RedactPersonalData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
