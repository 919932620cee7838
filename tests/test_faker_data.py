"""faker's English data: where sdkgen finds it, what happens without it, and
the text functions replayed on it.

The text functions run on a tiny hand-written locale; each expected value was
printed by ``@faker-js/faker`` 9.7.0 under Node 20 with the same locale
(``new Faker({locale: [LOCALE, base]})``, ``seed``, then the named calls), so
those tests need no Node.  The last tests use the real package (installed into
sdkgen's cache by ``node_env``) and values Speakeasy printed in real docs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from msgspec import structs

from generator import ir
from generator.examples import faker_data
from generator.examples.faker import Faker, java_hash_code
from generator.examples.faker_data import FAKER_VERSION, PACKAGE, FakerData, load
from generator.examples.faker_en import English, slugify
from generator.examples.strings import PLACEHOLDER, named_string
from generator.render.markdown.examples import Examples, data_diagnostics
from generator.render.markdown.printer import JsObject, js_string

# "x" and "a" are too short for a domain word: url falls back to a lorem
# word, then to random letters; "o'clock" loses its quote; "Zoë" its accent.
LOCALE: dict[str, object] = {
    "word": {"adjective": ["big", "x", "well-worn"], "adverb": ["fast"], "conjunction": ["and"],
             "interjection": ["oh"], "noun": ["cat", "horde", "o'clock"], "preposition": ["upon"],
             "verb": ["run", "sit"]},
    "lorem_word": ["lorem", "a"],
    "domain_suffix": ["com", "biz"],
    "person": {
        "first_name": {"generic": ["Ann", "Zoë"], "female": ["Ann"], "male": ["Bob", "Cy"]},
        "last_name": {"generic": ["O'Hara", "Smith"]},
        "last_name_pattern": {"generic": [
            {"value": "{{person.last_name.generic}}", "weight": 1},
            {"value": "{{person.last_name.generic}}-{{person.last_name.generic}}", "weight": 1},
        ]},
        "middle_name": {"generic": ["Lee"], "female": ["May"], "male": ["Ray"]},
        "name": [
            {"value": "{{person.firstName}} {{person.lastName}}", "weight": 2},
            {"value": "{{person.prefix}} {{person.firstName}} {{person.middleName}} {{person.lastName}} "
                      "{{person.suffix}}", "weight": 1},
        ],
        "prefix": {"generic": ["Dr."], "female": ["Ms.", "Dr."], "male": ["Mr."]},
        "suffix": ["Jr.", "PhD"],
    },
    "location": {
        "street_address": {"normal": "{{location.buildingNumber}} {{location.street}}", "full": "x"},
        "building_number": ["#####", "###"],
        "street_pattern": ["{{person.first_name.generic}} {{location.street_suffix}}", "{{location.street_name}}"],
        "street_suffix": ["Lane", "Crest"], "street_name": ["Broad Lane"],
        "city_pattern": ["{{location.city_prefix}} {{person.first_name.generic}}",
                         "{{person.last_name.generic}}{{location.city_suffix}}"],
        "city_prefix": ["Fort", "Lake"], "city_suffix": ["ton", "furt"], "city_name": ["Paris"],
        "postcode": ["#####", "?#*-##"],
    },
    "phone_number": {"format": {"human": ["!##-!##-####", "(!##) !##-#### x###"]}},
    "internet": {"free_email": ["gmail.com", "yahoo.com"]},
    "company": {"name_pattern": ["{{person.last_name.generic}} {{company.legal_entity_type}}",
                                 "{{person.last_name.generic}} - {{person.last_name.generic}}"],
                "legal_entity_type": ["LLC", "Inc"]},
    "vehicle_model": ["Fiesta", "CX-9"],
    "directory_path": ["/tmp", "/var/yp"],
    "common_file_type": ["video", "audio", "image", "text", "application"],
    "currency_name": ["Lek", "Australian Dollar", "Iranian Rial"],
    "country": ["Gabon", "Sint Maarten"],
}


def _english(seed: int) -> English:
    return English(Faker(seed), LOCALE)


@pytest.mark.parametrize(("seed", "expected"), [
    (1, ["horde upon fast big oh upon", "upon and horde oh big upon fast big horde", "x fast upon"]),
    (7, ["big upon oh", "o'clock upon run upon x o'clock oh"]),
])
def test_words(seed: int, expected: list[str]) -> None:
    english = _english(seed)
    assert [english.words(3, 10) for _ in expected] == expected


@pytest.mark.parametrize(("seed", "expected"), [
    (1, ["https://well-worn-cat.com/", "https://big-cat.com/", "https://lorem-oclock.com/", "https://big-oclock.com"]),
    (7, ["https://well-worn-horde.biz/", "https://gmru-horde.com", "https://well-worn-cat.com/",
         "https://big-horde.biz", "https://ntrm-cat.com/"]),
])
def test_url_and_its_domain_word_fallbacks(seed: int, expected: list[str]) -> None:
    english = _english(seed)
    assert [english.url() for _ in expected] == expected


@pytest.mark.parametrize(("seed", "expected"), [
    (1, ["Ann.OHara-OHara9", "Ann.Smith68", "Zoe.Smith55", "Ann87", "Ann_OHara", "Zoe_Smith-OHara83"]),
    (42, ["Ann.Smith-Smith15", "Zoe_Smith-OHara83", "Ann_OHara43", "Zoe45"]),
])
def test_username_shapes_patterns_and_ascii(seed: int, expected: list[str]) -> None:
    english = _english(seed)
    assert [english.username() for _ in expected] == expected


def test_single_list_draws_share_the_stream() -> None:
    english = _english(7)
    drawn = [english.vehicle_model(), english.directory_path(), english.common_file_type(), english.vehicle_model()]
    assert drawn == ["Fiesta", "/var/yp", "image", "CX-9"]


@pytest.mark.parametrize(("seed", "expected"), [
    (1, ["70310 Ann Lane", "O'Harafurt", "80645", "18936", "(900) 380-4956 x368", "Zoe_Smith-OHara@gmail.com",
         "Bob O'Hara", "Bob O'Hara", "O'Hara - Smith", "146 Ann Crest"]),
    (2, ["15443 Zoë Lane", "Lake Zoë", "51784", "C5L-01", "(312) 442-6453 x751", "Zoe_Smith-OHara@yahoo.com",
         "Cy Smith-O'Hara", "Bob O'Hara", "Smith - Smith", "712 Broad Lane"]),
    (5, ["82946 Broad Lane", "O'Haraton", "74182", "26552", "431-399-1026", "Ann_OHara-Smith98@yahoo.com",
         "Mr. Cy Ray O'Hara-O'Hara Jr.", "Cy O'Hara-O'Hara", "O'Hara Inc", "856 Broad Lane"]),
])
def test_addresses_names_and_contacts(seed: int, expected: list[str]) -> None:
    english = _english(seed)
    drawn = [english.street_address(), english.city(), english.zip_code(), english.zip_code(),
             english.phone_number(), english.email(), english.full_name(), english.full_name(),
             english.company_name(), english.street_address()]
    assert drawn == expected


def test_slugify() -> None:
    assert slugify("o'clock café") == "oclock-cafe"


def test_strings_by_name_and_format() -> None:
    assert named_string(Faker(1), LOCALE, "url", None) == "https://well-worn-cat.com/"
    assert named_string(Faker(1), LOCALE, "homepage", "uri") == "https://well-worn-cat.com/"
    assert named_string(Faker(1), LOCALE, "fileName", None) == "example.file"
    assert named_string(Faker(1), LOCALE, "title", None) == PLACEHOLDER
    assert named_string(Faker(1), LOCALE, "currency", None) == "Australian Dollar"  # one draw, 0.42
    assert named_string(Faker(1), LOCALE, "country", None) == "Gabon"


def test_without_data_word_values_are_placeholders() -> None:
    faker = Faker(1)
    assert named_string(faker, None, "url", None) == PLACEHOLDER
    assert faker.next() == Faker(1).next()  # no draw taken without data
    assert named_string(Faker(1), {"word": {}}, "description", None) == PLACEHOLDER


# ------------------------------------------------------------------ finding it


def _package(modules: Path, version: str) -> Path:
    package = modules / PACKAGE
    package.mkdir(parents=True)
    (package / "package.json").write_text(json.dumps({"name": PACKAGE, "version": version}), encoding="utf-8")
    return package


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache dir; node must not be reached unless a test allows it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    def no_node(project: Path) -> tuple[str, str]:
        raise AssertionError(f"node run for {project}")

    monkeypatch.setattr(faker_data, "_run_node", no_node)
    return tmp_path


def test_missing_package_says_how_to_install(isolated: Path) -> None:
    found = load(isolated / "project", "")
    assert found.tables is None
    assert f"{PACKAGE} not found" in found.problem
    assert f"npm install --prefix {isolated / 'cache' / 'sdkgen' / 'node'} {PACKAGE}@{FAKER_VERSION}" in found.problem


def test_another_version_is_named_and_not_used(isolated: Path) -> None:
    _package(isolated / "project" / "node_modules", "6.3.1")
    found = load(isolated / "project" / "src", "")
    assert found.tables is None
    assert "6.3.1" in found.problem and FAKER_VERSION in found.problem


def test_the_right_version_further_up_wins_and_the_cache_spares_node(isolated: Path) -> None:
    _package(isolated / "wrong", "9.6.0")
    _package(isolated / "node_modules", FAKER_VERSION)
    cached = isolated / "cache" / "sdkgen" / f"faker-en-{FAKER_VERSION}-{faker_data._DUMP_FORMAT}.json"
    cached.parent.mkdir(parents=True)
    cached.write_text(json.dumps(LOCALE), encoding="utf-8")
    found = load(isolated / "project", str(isolated / "wrong"))
    assert found == FakerData(LOCALE)


def test_a_damaged_cache_is_rebuilt(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _package(isolated / "node_modules", FAKER_VERSION)
    cached = isolated / "cache" / "sdkgen" / f"faker-en-{FAKER_VERSION}-{faker_data._DUMP_FORMAT}.json"
    cached.parent.mkdir(parents=True)
    cached.write_text('{"word": ', encoding="utf-8")
    monkeypatch.setattr(faker_data, "_run_node", lambda project: (json.dumps(LOCALE), ""))
    assert load(isolated, "").tables == LOCALE
    assert json.loads(cached.read_text(encoding="utf-8")) == LOCALE


def test_node_failure_is_a_reason_not_a_crash(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _package(isolated / "node_modules", FAKER_VERSION)
    monkeypatch.setattr(faker_data, "_run_node", lambda project: ("", "node could not read it"))
    assert load(isolated, "") == FakerData(None, "node could not read it")
    monkeypatch.setattr(faker_data, "_run_node", lambda project: ("[1, 2]", ""))
    assert load(isolated, "").tables is None


# ------------------------------------------------------------------ the warning


def _api_with(*fields: ir.Field) -> ir.Api:
    model = ir.Model(id="#/Link", name=ir.ModelName(python="Link", typescript="Link", ts_namespace="components"),
                     body=ir.Object(fields=fields), role="response", owner="Op")
    return ir.Api(title="t", version="1", description=None, servers=(), security_schemes=(),
                  operations=(), models=(model,))


def _string_field(name: str, fmt: str | None = None, example: str | None = None) -> ir.Field:
    return ir.Field(wire_name=name, type=ir.Primitive(kind="string", format=fmt), required=True, nullable=False,
                    origin=f"#/{name}", example=None if example is None else ir.Json(example))


def test_sg110_names_the_fields_that_print_placeholders() -> None:
    api = _api_with(_string_field("url"), _string_field("homepage", "uri"), _string_field("description"),
                    _string_field("title"), _string_field("path", example="/a"))
    [warning] = data_diagnostics(api, FakerData(None, "faker not found"))
    assert (warning.severity, warning.code) == ("warning", "SG110")
    assert warning.message == 'example values of 3 fields (description, homepage, url) print as "<value>": faker not found'


def test_no_sg110_with_the_data_or_without_such_fields() -> None:
    assert data_diagnostics(_api_with(_string_field("url")), FakerData(LOCALE)) == []
    assert data_diagnostics(_api_with(_string_field("title")), FakerData(None, "faker not found")) == []


def test_model_examples_use_the_data_given() -> None:
    api = _api_with(_string_field("url"))
    with_data = Examples(api, FakerData(LOCALE)).for_model(api.model("#/Link"))
    without = Examples(api, FakerData(None, "x")).for_model(api.model("#/Link"))
    assert without == JsObject((("url", js_string(PLACEHOLDER)),))
    assert with_data != without


# ------------------------------------------------------------------ real faker


def test_real_faker_reproduces_speakeasy_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from node_env import faker_modules

    modules = faker_modules()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # a fresh dump: node really runs
    found = load(tmp_path, str(modules))
    assert found.problem == "" and found.tables is not None
    assert English(Faker(java_hash_code("ImageUrl")), found.tables).url() == "https://sinful-meal.biz"
    display = English(Faker(java_hash_code("UpdateDatasourceRequestBody")), found.tables).username()
    assert display == "Jerod.Haley"
    # lapyme 1.768, ApiSharedObjecta8ecbd0557: strings by field name
    contact = ir.Model(id="#/C", name=ir.ModelName(python="C", typescript="ApiSharedObjecta8ecbd0557",
                                                    ts_namespace="components"),
                       body=ir.Object(fields=tuple(
                           structs.replace(_string_field(name, "uuid" if name == "id" else None), nullable=True)
                           for name in ("id", "name", "email", "phone", "taxId", "taxIdType", "taxCategory",
                                        "address", "city", "provinceId", "postalCode", "paymentTermId"))),
                       role="component", owner="C")
    api = ir.Api(title="t", version="1", description=None, servers=(), security_schemes=(), operations=(),
                 models=(contact,))
    value = Examples(api, found).for_model(contact)
    assert isinstance(value, JsObject)
    shown = {k: v for k, v in value.entries}
    assert [shown[k] for k in ("email", "phone", "city", "postalCode")] == [
        js_string("Alvis.Robel23@gmail.com"), js_string("268.503.1675 x222"), js_string("Hauckborough"),
        js_string("53300")]
