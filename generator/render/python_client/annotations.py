"""Type expressions and imports of the client modules, built on the models
renderer's ``Types`` and ``Scope``.

The client modules sit at the package root, next to ``models/``: a model is
spelled ``models.Name`` (one import, never a clash with a helper name) and
the runtime types come from ``.types``.
"""

from __future__ import annotations

from generator import ir
from generator.render.python.code import Call, Expr, flat
from generator.render.python.scope import Scope
from generator.render.python.typeexpr import Types, class_name, typed_dict_name

_STDLIB = frozenset({"asyncio", "builtins", "datetime", "enum", "io", "os", "typing", "weakref"})
_THIRD_PARTY = frozenset({"dateutil.parser", "httpx", "pydantic", "typing_extensions"})


class ClientScope(Scope):
    """A ``Scope`` that also knows the client's third-party imports."""

    @staticmethod
    def _group(module: str) -> int:
        if module in _STDLIB:
            return 0
        if module in _THIRD_PARTY:
            return 1
        return 2


class ClientTypes(Types):
    """``Types`` for a module at the package root."""

    def runtime(self, name: str) -> str:
        return self.scope.name(".types", name)

    def ref(self, model: ir.Model, typed_dict: bool, eager: bool = False) -> str:
        name = typed_dict_name(model, self.error_ids) if typed_dict else class_name(model, self.error_ids)
        return self.models() + "." + name

    def models(self) -> str:
        return self.scope.name(".", "models")

    def utils(self) -> str:
        return self.scope.name(".", "utils")

    def accepted(self, t: ir.TypeExpr) -> Expr:
        """What an argument of type ``t`` accepts: the model, or its
        TypedDict twin when the two differ (``Union[X, XTypedDict]``)."""
        model, plain = self.expr(t), self.expr(t, typed_dict=True)
        return model if flat(model) == flat(plain) else Call(self.typing("Union"), (model, plain))


def client_types(api: ir.Api, scope: ClientScope, error_ids: frozenset[str], enum_format: str) -> ClientTypes:
    return ClientTypes(api=api, scope=scope, home={}, stem="", error_ids=error_ids, enum_format=enum_format)
