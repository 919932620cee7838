"""The client's constructor options: credentials, global headers, servers.

One option per security scheme (camelCase of its key: ``ApiKey`` ->
``apiKey``), read at call time from the constructor or else from the
environment variable ``{PREFIX}_{SCHEME}`` (``ORQ_API_KEY``); one option per
``x-speakeasy-globals`` header.  Their names never take a fixed option's
name (``serverURL``, ``timeoutMs``, ...): a clash gets a number.
"""

from __future__ import annotations

from typing import Literal

from msgspec import Struct

from generator import ir
from generator.config import Config
from generator.render.identifiers import typescript_field
from generator.words import snake

FIXED_OPTIONS = ("httpClient", "serverIdx", "serverURL", "retryConfig", "timeoutMs", "userAgent")

CredentialKind = Literal["bearer", "basic", "http", "header", "query", "cookie"]


class Credential(Struct, frozen=True, gc=False):
    key: str
    """The scheme's key in ``components.securitySchemes``."""
    option: str
    env: str
    kind: CredentialKind
    name: str
    """Header, query or cookie name; for ``http`` the auth scheme word."""
    description: str


class GlobalHeader(Struct, frozen=True, gc=False):
    wire_name: str
    option: str
    description: str | None


class OptionsView(Struct, frozen=True, gc=False):
    credentials: tuple[Credential, ...]
    globals: tuple[GlobalHeader, ...]
    servers: tuple[str, ...]


def options_view(api: ir.Api, config: Config) -> OptionsView:
    used = list(FIXED_OPTIONS)
    credentials = tuple(
        c for c in (_credential(s, config, used) for s in api.security_schemes) if c is not None
    )
    globals_ = tuple(
        GlobalHeader(wire_name=p.wire_name, option=_option(p.wire_name, used), description=p.description)
        for p in api.global_headers
    )
    return OptionsView(credentials=credentials, globals=globals_, servers=tuple(s.url for s in api.servers))


def _option(raw: str, used: list[str]) -> str:
    base = typescript_field(raw)
    name, n = base, 2
    while name in used:
        name, n = f"{base}{n}", n + 1
    used.append(name)
    return name


def env_var(prefix: str, key: str) -> str:
    """``{prefix}_{KEY}``: the prefix as configured, the key in upper snake case."""
    name = snake(key).upper() or "CREDENTIAL"
    return f"{prefix}_{name}" if prefix else name


def _credential(s: ir.SecurityScheme, config: Config, used: list[str]) -> Credential | None:
    kind, name = _kind(s)
    if kind is None:
        return None
    what = {"bearer": "Bearer token", "basic": "`user:password`", "http": f"{name} credential"}.get(
        kind, f"API key sent in the {name} {kind}"
    )
    return Credential(
        key=s.key, option=_option(s.key, used), env=env_var(config.env_var_prefix, s.key), kind=kind,
        name=name, description=f"{what} for the `{s.key}` security scheme",
    )


def _kind(s: ir.SecurityScheme) -> tuple[CredentialKind | None, str]:
    scheme = (s.scheme or "").lower()
    if s.type in ("oauth2", "openIdConnect") or (s.type == "http" and scheme == "bearer"):
        return "bearer", "Authorization"
    if s.type == "http" and scheme == "basic":
        return "basic", "Authorization"
    if s.type == "http" and scheme:
        return "http", s.scheme or ""
    if s.type == "apiKey" and s.location in ("header", "query", "cookie") and s.parameter_name:
        return s.location, s.parameter_name  # type: ignore[return-value]
    return None, ""


__all__ = ["Credential", "GlobalHeader", "OptionsView", "options_view", "env_var", "FIXED_OPTIONS"]
