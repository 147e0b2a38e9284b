import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentdrive.settings")
application = get_wsgi_application()

# Before this process takes a request: see talentdrive/serving/warm.py.
from talentdrive.serving.warm import warm  # noqa: E402

warm()
