"""SSRF guard: address rules (pure) and URL checks."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.errors import BlockedURLError
from verifier.fetch.guard import check_url, forbidden_reason, parse_ip_literal


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("2130706433", "127.0.0.1"),  # decimal
        ("0177.0.0.1", "127.0.0.1"),  # octal
        ("0x7f.0.0.1", "127.0.0.1"),  # hex
        ("0x7f000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),  # shortened
        ("017700000001", "127.0.0.1"),
        ("[::1]", "::1"),
        ("::ffff:127.0.0.1", "::ffff:7f00:1"),
        ("169.254.169.254", "169.254.169.254"),
        ("0", "0.0.0.0"),
    ],
)
def test_odd_spellings_are_read_as_the_resolver_would(host: str, address: str) -> None:
    ip = parse_ip_literal(host)
    assert ip == ipaddress.ip_address(address)
    assert forbidden_reason(ip) is not None


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("100.64.0.1", "CGNAT"),
        ("100.127.255.254", "CGNAT"),
        ("169.254.169.254", "link-local"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "address"),
        ("255.255.255.255", "address"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:10.0.0.1", "embeds 10.0.0.1"),
        ("::ffff:169.254.169.254", "embeds"),
        ("2002:7f00:1::", "embeds 127.0.0.1"),  # 6to4
        ("64:ff9b::a9fe:a9fe", "embeds 169.254.169.254"),  # NAT64
    ],
)
def test_forbidden_addresses(address: str, why: str) -> None:
    reason = forbidden_reason(ipaddress.ip_address(address))
    assert reason is not None and why in reason


@pytest.mark.parametrize(
    "address", ["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"]
)
def test_public_addresses_pass(address: str) -> None:
    assert forbidden_reason(ipaddress.ip_address(address)) is None


def test_names_are_not_literals() -> None:
    assert parse_ip_literal("example.com") is None
    assert parse_ip_literal("1.2.3.example") is None
    assert parse_ip_literal("") is None


@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_decimal_and_hex_spellings_agree(n: int) -> None:
    ip = ipaddress.IPv4Address(n)
    assert parse_ip_literal(str(n)) == ip
    assert parse_ip_literal(hex(n)) == ip


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.com/x",
        "gopher://example.com",
        "http:///nohost",
        "https://user:pw@example.com/",
    ],
)
def test_check_url_refuses(url: str) -> None:
    with pytest.raises(BlockedURLError):
        check_url(url)


def test_check_url_ports() -> None:
    assert check_url("https://Example.com/a") == ("https", "example.com", 443)
    assert check_url("http://example.com:8080/a") == ("http", "example.com", 8080)
