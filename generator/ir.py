"""The normalized, target-neutral model of an API that every renderer reads.

Contract:
- Frozen records (``msgspec.Struct``: slots, plain data; the only behaviour
  is ``Api.model``, a lookup by id), tuples not lists.  A dataclass does
  the same, but costs fifty times as much to define and ten times as much to
  build, and a run defines about a hundred record classes and builds many
  thousands of records.  Records are left out of garbage collection
  (``gc=False``): immutable, they cannot form a cycle (``tests/test_records.py``
  checks what they hold), and the collector walking them again and again
  made time per schema grow with the spec's size.
- No Python or TypeScript syntax in here: a type is a small closed set of
  classes (``Primitive | Array | Map | Ref | Literal | Any``), and a model body
  is one of ``Object | Enum | Union``.
- ``required`` (the key may be absent) and ``nullable`` (the value may be
  null) are separate facts, decided once by ``normalize``.
- Every node keeps its wire name and the JSON pointer it came from
  (``origin``), so diagnostics and later issues (diffs, name locks) can point
  back into the spec.
- Model names are decided by ``normalize.naming`` and stored per target in
  ``ModelName``; identifiers of fields are derived by the renderers through one
  tested function per language.
"""

from __future__ import annotations

from typing import Literal as _Lit, TypeAlias, Union as _U

from msgspec import Struct, field

JsonValue: TypeAlias = object
"""A value decoded from JSON/YAML (None, bool, int, float, str, list, dict)."""


class Json(Struct, frozen=True, gc=False):
    """A box for a spec value whose absence must differ from ``null``."""

    value: JsonValue


# --------------------------------------------------------------------- types


class Primitive(Struct, frozen=True, kw_only=True, gc=False):
    kind: _Lit["string", "number", "integer", "boolean"]
    format: str | None = None


class Array(Struct, frozen=True, kw_only=True, gc=False):
    items: TypeExpr


class Map(Struct, frozen=True, kw_only=True, gc=False):
    values: TypeExpr


class Ref(Struct, frozen=True, kw_only=True, gc=False):
    """A reference to a named model, by its id (see ``Model.id``)."""

    model: str


class Literal(Struct, frozen=True, kw_only=True, gc=False):
    """A ``const`` value."""

    value: JsonValue


class Any(Struct, frozen=True, kw_only=True, gc=False):
    options: tuple[Primitive | Any, ...] = ()
    """For a union no value can pick (the same primitive offered twice): its
    members, a primitive each or Any; example values still draw one."""
    example: Json | None = None
    """That union's own example."""


TypeExpr: TypeAlias = _U[Primitive, Array, Map, Ref, Literal, Any]


# -------------------------------------------------------------- model bodies

ParamLocation: TypeAlias = _Lit["path", "query", "header", "cookie"]


class ParamStyle(Struct, frozen=True, kw_only=True, gc=False):
    """How a request-wrapper field travels: as a parameter or as the body."""

    location: _Lit["path", "query", "header", "cookie", "body"]
    style: str = ""
    explode: bool = False
    content_type: str = ""


class Field(Struct, frozen=True, kw_only=True, gc=False):
    wire_name: str
    type: TypeExpr
    required: bool
    nullable: bool
    origin: str
    description: str | None = None
    example: Json | None = None
    listed_example: Json | None = None
    """The first of the schema's JSON-Schema ``examples`` list (newer
    Speakeasy versions show it where there is no ``example``)."""
    default: Json | None = None
    deprecated: bool = False
    read_only: bool = False
    write_only: bool = False
    name_override: str | None = None
    param: ParamStyle | None = None


class Object(Struct, frozen=True, kw_only=True, gc=False):
    fields: tuple[Field, ...]
    additional: TypeExpr | None = None


class Enum(Struct, frozen=True, kw_only=True, gc=False):
    values: tuple[JsonValue, ...]
    open: bool = False


class UnionMember(Struct, frozen=True, kw_only=True, gc=False):
    type: TypeExpr
    origin: str
    title: str | None = None
    example: Json | None = None
    """The member schema's own ``example`` (docs show it as that member's value)."""
    stream: bool = False
    """The member is a stream of server-sent events, each of ``type``."""


class Union(Struct, frozen=True, kw_only=True, gc=False):
    members: tuple[UnionMember, ...]
    discriminator: str | None = None
    open: bool = False
    """Forward-compatible: a value no member accepts is kept as an unknown
    variant instead of failing the parse (``forwardCompatibleUnionsByDefault``)."""


ModelBody: TypeAlias = _U[Object, Enum, Union]

ModelRole: TypeAlias = _Lit[
    "component",  # reached from components/schemas
    "request",  # request body or anything inside it
    "parameters",  # the {Op}Request wrapper and parameter schemas
    "response",  # 2xx response bodies and their insides
    "error",  # non-2xx response bodies and their insides
    "globals",  # synthetic {Op}Globals / Globals
    "security",  # synthetic Security, and {Op}Security of an operation's own requirement
    "file",  # synthetic multipart file object
]


class ModelName(Struct, frozen=True, kw_only=True, gc=False):
    """A model's name in each target. Decided once, by ``normalize.naming``."""

    python: str
    typescript: str
    ts_namespace: _Lit["components", "operations", "errors"]


class Model(Struct, frozen=True, kw_only=True, gc=False):
    id: str
    """Unique and stable: the JSON pointer of the schema, or a synthetic one."""
    name: ModelName
    body: ModelBody
    role: ModelRole
    owner: str
    """The component key or operation name whose module holds this model."""
    description: str | None = None
    deprecated: bool = False
    used_as_error: bool = False
    example: Json | None = None
    """The schema's own example (``example``, or in newer versions the first
    of its ``examples``): the value of the model's doc."""


# ---------------------------------------------------------------- operations


class Parameter(Struct, frozen=True, kw_only=True, gc=False):
    wire_name: str
    location: ParamLocation
    required: bool
    type: TypeExpr
    nullable: bool
    origin: str
    style: str
    explode: bool
    description: str | None = None
    example: Json | None = None
    listed_example: Json | None = None
    default: Json | None = None
    deprecated: bool = False
    is_global: bool = False
    content_type: str = ""
    """The media type of a parameter declared with ``content`` (its value is
    serialized in that type, e.g. JSON text in a query string); else empty."""


class RequestBody(Struct, frozen=True, kw_only=True, gc=False):
    content_type: str
    type: TypeExpr
    required: bool
    nullable: bool
    origin: str
    description: str | None = None
    example: Json | None = None
    """The media type's ``example`` (usage snippets show it as the body)."""


class Response(Struct, frozen=True, kw_only=True, gc=False):
    status: str
    """An HTTP status code (``"200"``), a range (``"4XX"``) or ``"default"``."""
    origin: str
    description: str | None = None
    content_type: str | None = None
    type: TypeExpr | None = None


class RetryPolicy(Struct, frozen=True, kw_only=True, gc=False):
    """``x-speakeasy-retries``: the default retry behaviour of the client."""

    strategy: str
    """``backoff`` retries; any other value (``none``) turns retries off."""
    initial_interval: int = 500
    max_interval: int = 60000
    exponent: float = 1.5
    max_elapsed_time: int = 3600000
    status_codes: tuple[str, ...] = ()
    retry_connection_errors: bool = False


class Operation(Struct, frozen=True, kw_only=True, gc=False):
    id: str
    """The JSON pointer of the operation object."""
    name: str
    """PascalCase operation name (R in the naming rules)."""
    operation_id: str | None
    method: str
    path: str
    group: tuple[str, ...]
    """SDK namespace path, from ``x-speakeasy-group`` or the first tag."""
    method_name: str
    """Raw method name: ``x-speakeasy-name-override`` or the operationId."""
    parameters: tuple[Parameter, ...]
    responses: tuple[Response, ...]
    request_body: RequestBody | None = None
    request_model: str | None = None
    """Id of the ``{Op}Request`` wrapper model, when there is one."""
    globals_model: str | None = None
    response_model: str | None = None
    """Id of the ``{Op}Response`` wrapper (``headers`` and ``result``), when a
    response of the operation declares headers."""
    security_model: str | None = None
    """Id of the ``{Op}Security`` model, when the operation's own ``security``
    needs credentials the global ``Security`` cannot carry."""
    summary: str | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()
    security: tuple[str, ...] | None = None
    """The security schemes whose credentials the operation sends: its own
    ``security``, else the document's; ``()`` for none (``security: []``);
    None when neither says, and then every configured credential is sent."""
    deprecated: bool = False
    retries: RetryPolicy | None = None
    """The operation's own ``x-speakeasy-retries`` (else ``Api.retries``)."""
    timeout_ms: int | None = None
    """The operation's own ``x-speakeasy-timeout`` (else ``Api.timeout_ms``)."""


class SecurityScheme(Struct, frozen=True, kw_only=True, gc=False):
    key: str
    type: str
    scheme: str | None = None
    location: str | None = None
    parameter_name: str | None = None
    bearer_format: str | None = None


class Server(Struct, frozen=True, kw_only=True, gc=False):
    url: str
    description: str | None = None


class ExternalDocs(Struct, frozen=True, kw_only=True, gc=False):
    url: str
    description: str | None = None


class Api(Struct, frozen=True, kw_only=True, gc=False):
    title: str
    version: str
    description: str | None
    servers: tuple[Server, ...]
    security_schemes: tuple[SecurityScheme, ...]
    operations: tuple[Operation, ...]
    models: tuple[Model, ...]
    """In naming (traversal) order; ``model(id)`` finds one by id."""
    global_headers: tuple[Parameter, ...] = ()
    sdk_classes: tuple[tuple[tuple[str, ...], str], ...] = ()
    """Group path -> SDK class name (Python), after reservation conflicts."""
    external_docs: ExternalDocs | None = None
    security_model: str | None = None
    """Id of the global ``Security`` model, when there are security schemes."""
    retries: RetryPolicy | None = None
    """The document's ``x-speakeasy-retries``."""
    timeout_ms: int | None = None
    """The document's ``x-speakeasy-timeout`` in milliseconds."""
    raw_names: tuple[tuple[str, str, str], ...] = ()
    """(target, model id, name as registered) for the name lock file."""
    _index: dict[str, Model] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index.update((m.id, m) for m in self.models)

    def model(self, model_id: str) -> Model:
        return self._index[model_id]
