"""Where TypeScript models live, as code and as docs, and how they are named
from elsewhere: one place for what gen.yaml's ``legacyFileNaming`` and
``imports.paths`` change.

- File stems: the lowercased class name (``chatrequest``), or kebab-case
  (``chat-request``) without legacy file naming.
- Import paths below the package: ``models/components`` for shared models by
  default (``models`` in newer configurations), ``models/operations``,
  ``models/errors``.  The last segment qualifies a name in the docs
  (``components.X`` / ``models.X``) and the docs mirror the path
  (``docs/models/components/x.md`` / ``docs/models/x.md``).
"""

from __future__ import annotations

import re

from msgspec import Struct

from generator.config import Config

DEFAULT_SHARED = "models/components"
# Hyphens go between a lower-case letter or digit and an upper-case letter
# (``Objectba6d1f3759ExchangeRate`` -> ``objectba6d1f3759-exchange-rate``),
# and before the last capital of an acronym run (``HTTPError`` -> ``http-error``).
_WORD_START = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def kebab(name: str) -> str:
    return _WORD_START.sub("-", name).lower()


class TsLayout(Struct, frozen=True, kw_only=True, gc=False):
    legacy_file_naming: bool = True
    shared_path: str = DEFAULT_SHARED

    @classmethod
    def of(cls, config: Config) -> TsLayout:
        return cls(legacy_file_naming=config.legacy_file_naming,
                   shared_path=config.typescript_shared_path.strip("/") or DEFAULT_SHARED)

    def stem(self, name: str) -> str:
        """The file stem of a model (docs and modules alike)."""
        return name.lower() if self.legacy_file_naming else kebab(name)

    def import_path(self, namespace: str) -> str:
        """``models/components``, ``models/operations``, ...: the package
        subpath the models of a namespace are imported from."""
        return self.shared_path if namespace == "components" else f"models/{namespace}"

    def qualifier(self, namespace: str) -> str:
        """The namespace object a name is shown under (``components``)."""
        return self.import_path(namespace).rsplit("/", 1)[-1]

    def qualified(self, namespace: str, name: str) -> str:
        return f"{self.qualifier(namespace)}.{name}"

    def doc_path(self, namespace: str, name: str) -> str:
        """The doc of a model, relative to the ``docs`` directory."""
        return f"{self.import_path(namespace)}/{self.stem(name)}.md"

    def doc_link(self, from_dir: str, namespace: str, name: str) -> str:
        """A relative link to a model's doc from a doc in ``from_dir``
        (relative to ``docs``, e.g. ``models/operations`` or ``sdks/chat``)."""
        return _up(from_dir) + self.doc_path(namespace, name)

    def runtime_type_link(self, from_dir: str, stem: str) -> str:
        """A link to the doc of one of the SDK's own types (``types/rfcdate.md``)."""
        return f"{_up(from_dir)}types/{stem}.md"


def _up(from_dir: str) -> str:
    """From a directory below ``docs`` back up to ``docs``."""
    return "../" * len(from_dir.split("/"))


DEFAULT_LAYOUT = TsLayout()
