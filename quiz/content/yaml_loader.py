"""The YAML loader for author files: libyaml's C parser, dates kept as the text written."""

from __future__ import annotations

import yaml

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class AuthorLoader(_Base):  # type: ignore[misc, valid-type]
    """Safe loading, except that `2016-11-08` stays a string.

    Authors write dates as text and the models validate them as partial dates; PyYAML's
    timestamp resolver would instead build date objects and crash on `2016-13-01`.
    """


AuthorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
