"""Vouch's pure policy engine: facts in, recommendation out. No Django, no I/O.

Typical use::

    policy = compile_policy(policy_data)          # once per policy version (memoised)
    org = OrgContext.from_profile(profile)        # once per organisation
    result = evaluate(Facts.from_mapping(row, org), policy)
"""

from .catalogue import (
    ACCEPT,
    DONT_KNOW,
    IGNORE,
    NOT_PERSONAL,
    REASONS,
    RECOMMENDATIONS,
    REPORT_SPAM,
    RULES,
    RULES_BY_ID,
    SPAM,
    UNKNOWN,
    ParamSpec,
    RuleSpec,
    catalogue,
)
from .compile import CompiledPolicy, canonical_json, compile_policy, complete_policy
from .defaults import SCHEMA_VERSION, default_policy
from .diff import PolicyChange, diff_policies
from .evaluate import evaluate
from .facts import Facts, OrgContext
from .normalise import (
    first_name_of,
    normalise_company,
    normalise_name,
    normalise_profile_url,
)
from .result import Result, RuleHit
from .validate import PolicyError, PolicyInvalid, validate_policy

__all__ = [
    "ACCEPT",
    "DONT_KNOW",
    "IGNORE",
    "NOT_PERSONAL",
    "REASONS",
    "RECOMMENDATIONS",
    "REPORT_SPAM",
    "RULES",
    "RULES_BY_ID",
    "SCHEMA_VERSION",
    "SPAM",
    "UNKNOWN",
    "CompiledPolicy",
    "Facts",
    "OrgContext",
    "ParamSpec",
    "PolicyChange",
    "PolicyError",
    "PolicyInvalid",
    "Result",
    "RuleHit",
    "RuleSpec",
    "canonical_json",
    "catalogue",
    "compile_policy",
    "complete_policy",
    "default_policy",
    "diff_policies",
    "evaluate",
    "first_name_of",
    "normalise_company",
    "normalise_name",
    "normalise_profile_url",
    "validate_policy",
]
