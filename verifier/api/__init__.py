"""The HTTP service: JSON API under ``/api``, server-rendered pages, OpenAPI at ``/docs``."""

from verifier.api.app import create_app

__all__ = ["create_app"]
