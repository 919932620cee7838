"""The root SDK class's constructor and context-manager methods.

Arguments: one credential per field of the ``Security`` model (a string or
a callable returning one, else ``{PREFIX}_{NAME}`` from the environment), one
per ``x-speakeasy-globals`` header (same fallback), then the server, the
HTTP clients, the retry policy and the timeout.
"""

from __future__ import annotations

from msgspec import Struct

from generator import ir
from generator.config import Config
from generator.render.python.code import Call, Expr, Param, assignment, def_lines, split
from generator.render.python.escape import py_str
from generator.render.python.fields import python_names
from generator.render.python_client.annotations import ClientTypes
from generator.render.python_client.names import identifier

_STANDARD = ("server_idx", "server_url", "url_params", "client", "async_client", "retry_config", "timeout_ms")
# Names the constructor body uses besides its arguments.
_BODY_NAMES = frozenset({"self", "models", "utils", "httpx", "weakref", "SDKConfiguration"})


class Credential(Struct, frozen=True, gc=False):
    arg: str
    key: str
    """Field of ``Security`` (security) or wire name of the header (globals)."""
    env: str


def _env(config: Config, name: str) -> str:
    return f"{config.env_var_prefix}_{name.upper()}" if config.env_var_prefix else ""


def _credentials(api: ir.Api, config: Config, spelled: set[str]) -> tuple[list[Credential], list[Credential]]:
    used = set(_STANDARD) | _BODY_NAMES | spelled
    security: list[Credential] = []
    model = api.model(api.security_model) if api.security_model else None
    if model is not None and isinstance(model.body, ir.Object):
        for name in python_names(model.body.fields):
            arg = _free(name, used)
            security.append(Credential(arg=arg, key=name, env=_env(config, name)))
    globals_: list[Credential] = []
    for header in api.global_headers:
        name = identifier(header.wire_name, "header")
        globals_.append(Credential(arg=_free(name, used), key=header.wire_name, env=_env(config, name)))
    return security, globals_


def _free(name: str, used: set[str]) -> str:
    while name in used:
        name += "_"
    used.add(name)
    return name


def _secret(head: str, c: Credential, utils: str) -> Call:
    """``head`` + ``utils.resolve_secret(arg, env)``."""
    return Call(f"{head}{utils}.resolve_secret", (c.arg, py_str(c.env) if c.env else "None"), "(")


def constructor(api: ir.Api, config: Config, class_name: str, children: list[tuple[str, str]],
                types: ClientTypes, doc: str) -> tuple[str, ...]:
    opt, utils, models = types.typing("Optional"), types.utils(), types.models()
    httpx = types.scope.module("httpx")
    security, globals_ = _credentials(api, config, {utils, models})
    def optional(t: Expr) -> Call:
        return Call(opt, (t,))

    secret = optional(Call(types.typing("Union"), (optional("str"), Call(types.typing("Callable"),
                                                                         ("[]", optional("str"))))))
    args = [Param("self"), *(Param(c.arg, secret, "None") for c in security)]
    args += [Param(c.arg, optional("str"), "None") for c in globals_]
    args += [
        Param("server_idx", optional("int"), "None"),
        Param("server_url", optional("str"), "None"),
        Param("url_params", optional(Call(types.typing("Dict"), ("str", "str"))), "None"),
        Param("client", optional(f"{httpx}.Client"), "None"),
        Param("async_client", optional(f"{httpx}.AsyncClient"), "None"),
        Param("retry_config", Call(types.runtime("OptionalNullable"), (f"{utils}.RetryConfig",)),
              types.runtime("UNSET")),
        Param("timeout_ms", optional("int"), "None"),
    ]
    config_class = types.scope.name(".sdkconfiguration", "SDKConfiguration")
    lines = [*def_lines("    ", "def __init__", args, "None", exploded=True),
             f"        {doc}",
             "        if server_url is not None and url_params is not None:",
             "            for _key, _value in url_params.items():",
             '                server_url = server_url.replace("{" + _key + "}", _value)']
    security_arg = "None"
    if security:
        lines += ["", f"        def _security() -> {models}.Security:", f"            return {models}.Security("]
        for c in security:
            lines += split(" " * 16, "", _secret(f"{c.key}=", c, utils), ",")
        lines += ["            )", ""]
        security_arg = "_security"
    globals_arg = Call("globals=", tuple(_secret(f"{py_str(c.key)}: ", c, utils) for c in globals_), "{", display=True)
    lines += [
        "        super().__init__(",
        f"            {config_class}(",
        "                client=client,",
        "                client_supplied=client is not None,",
        "                async_client=async_client,",
        "                async_client_supplied=async_client is not None,",
        f"                security={security_arg},",
        *split(" " * 16, "", globals_arg, ","),
        '                server_url=server_url or "",',
        "                server_idx=server_idx or 0,",
        "                retry_config=retry_config,",
        "                timeout_ms=timeout_ms,",
        "            )",
        "        )",
        "        # Closes the HTTP client this SDK created when it is garbage collected.",
        f"        {types.scope.module('weakref')}.finalize(self, self.sdk_configuration.close)",
    ]
    for attr, cls in children:
        lines += assignment(" " * 8, f"self.{attr}", Call(cls, ("self.sdk_configuration",), "("))
    lines += [
        "",
        *def_lines("    ", "def __enter__", [Param("self")], class_name),
        "        return self",
        "",
        "    def __exit__(self, *exc_info: object) -> None:",
        "        self.sdk_configuration.close()",
        "",
        *def_lines("    ", "async def __aenter__", [Param("self")], class_name),
        "        return self",
        "",
        "    async def __aexit__(self, *exc_info: object) -> None:",
        "        await self.sdk_configuration.aclose()",
    ]
    return tuple(lines)
