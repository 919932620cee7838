"""Security requirements -> the models that carry credentials.

The global ``Security`` model (built in ``normalize``) carries the schemes of
the document's ``security``, each optional since they are alternatives.  An
operation whose own ``security`` asks for something none of those
alternatives is (two schemes at once, or a scheme the document does not
list) gets its own ``{Op}Security`` model: the schemes of its requirements,
required when it has only one requirement.
"""

from __future__ import annotations

from generator import ir
from generator.normalize.context import Slot
from generator.normalize.naming import PARAMETER
from generator.normalize.schema import Draft, Walker

GLOBAL_SECURITY = "#security"


def requirements(raw: object) -> list[list[str]]:
    """A ``security`` list as scheme keys per requirement (ill-typed parts dropped)."""
    if not isinstance(raw, list):
        return []
    return [[str(k) for k in req] for req in raw if isinstance(req, dict)]


def operation_security(walker: Walker, ptr: str, name: str, g: str, raw: object,
                       global_reqs: list[list[str]], schemes: tuple[str, ...]) -> str | None:
    """Id of the ``{Op}Security`` draft it adds, or None when the global model serves."""
    own = [[k for k in req if k in schemes] for req in requirements(raw)]
    own = [req for req in own if req]
    known = [set(req) for req in global_reqs]
    if not own or all(set(req) in known for req in own):
        return None
    model_id = f"{ptr}#security"
    slot = Slot(root=name, klass=PARAMETER, role="security", owner=name, namespace="operations",
                request=True, base="Security", root_prefix=(g,) if g else ())
    fields = tuple(
        ir.Field(wire_name=key, type=ir.Primitive(kind="string"), required=len(own) == 1, nullable=False,
                 origin=f"#/components/securitySchemes/{key}")
        for key in dict.fromkeys(k for req in own for k in req)
    )
    walker.drafts[model_id] = Draft(model_id, slot, None, body=ir.Object(fields=fields))
    return model_id
