"""Weblate settings for the integration test (tests/weblate/): one throw-away server.

Everything lives in the folder ``WORKFLOW_WEBLATE_DATA``: the PostgreSQL socket, Weblate's
data and its file cache. Celery runs tasks in the request (eager), so neither Redis nor a
worker is needed; ``VCS_FILE_PROTOCOL`` lets a component clone a ``file://`` repository.
"""

import os

from weblate.settings_example import *  # noqa: F403

DATA = os.environ["WORKFLOW_WEBLATE_DATA"]
SITE_DOMAIN = os.environ["WORKFLOW_WEBLATE_DOMAIN"]  # "127.0.0.1:PORT"; must not be empty
SITE_URL = f"http://{SITE_DOMAIN}"
ENABLE_HTTPS = False
SECRET_KEY = "weblate integration test only"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Security keys are not used here, but their settings must be valid.
OTP_WEBAUTHN_RP_ID = "localhost"
OTP_WEBAUTHN_ALLOWED_ORIGINS = ["https://localhost"]
WEBLATE_MACHINERY = ()  # no machine translation services (and no missing modules)
VCS_BACKENDS = (
    "weblate.vcs.git.GitRepository",
    "weblate.vcs.git.LocalRepository",
)  # glossary: local

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "weblate",
        "USER": "weblate",
        "PASSWORD": "",
        "HOST": os.path.join(DATA, "postgres", "socket"),
        "PORT": os.environ["WORKFLOW_WEBLATE_PGPORT"],
    }
}
DATA_DIR = os.path.join(DATA, "weblate")
CACHE_DIR = os.path.join(DATA_DIR, "cache")
MEDIA_ROOT = os.path.join(DATA_DIR, "media")
STATIC_ROOT = os.path.join(CACHE_DIR, "static")
CACHES = {
    name: {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.path.join(CACHE_DIR, name),
    }
    for name in ("default", "avatar")
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"

CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = "memory://"
CELERY_RESULT_BACKEND = None

VCS_FILE_PROTOCOL = True
VCS_API_DELAY = 0
ENABLE_AVATARS = False
BACKGROUND_ADMIN_CHECKS = False
REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] = []  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # a test admin only

LOGGING["loggers"]["weblate"] = {"handlers": ["console"], "level": "WARNING"}  # noqa: F405
