"""The WeChat Official Account callback, with messages built exactly as the platform documents them: the
signatures and one encrypted message are computed by hand here (hashlib and AES directly), not with the
code under test."""

from __future__ import annotations

import base64
import hashlib
import os
import struct
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from fastapi.testclient import TestClient
from web_fakes import FakeBot

from bot.config import Settings
from bot.web.server import create_app
from bot.web.wechat import MAX_REPLY_BYTES, split_reply

TOKEN = "wechat-test-token"
APPID = "wx1234567890abcdef"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"  # 43 characters, as the platform gives them
OPENID = "oUser-openid-0001"
ACCOUNT = "gh_0123456789ab"
TIMESTAMP, NONCE = "1409659813", "1372623149"


def sha1_sorted(*parts: str) -> str:
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()


def text_message(content: str, msg_id: str = "1234567890123456", user: str = OPENID) -> str:
    return (
        f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName><FromUserName><![CDATA[{user}]]></FromUserName>"
        f"<CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        f"<Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId></xml>"
    )


def signed_query() -> dict[str, str]:
    return {"signature": sha1_sorted(TOKEN, TIMESTAMP, NONCE), "timestamp": TIMESTAMP, "nonce": NONCE, "openid": OPENID}


@pytest.fixture()
def bot(corpus) -> FakeBot:  # type: ignore[no-untyped-def]
    return FakeBot(corpus)


@pytest.fixture()
def client(bot: FakeBot, tmp_path: Path) -> TestClient:
    env = {"BOT_INDEX_DIR": str(tmp_path / "i"), "BOT_WECHAT_TOKEN": TOKEN, "BOT_WECHAT_APPID": APPID,
           "BOT_WECHAT_AES_KEY": AES_KEY}  # fmt: skip
    return TestClient(create_app(Settings.from_env(env), bot=bot, chat_page=False), raise_server_exceptions=False)  # type: ignore[arg-type]


def reply_of(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {child.tag: (child.text or "") for child in ElementTree.fromstring(response.text)}


def test_server_verification_echoes_echostr_and_refuses_a_bad_signature(client: TestClient) -> None:
    query = signed_query() | {"echostr": "5837397749016778000"}
    ok = client.get("/wechat", params=query)
    assert (ok.status_code, ok.text) == (200, "5837397749016778000")
    assert client.get("/wechat", params=query | {"signature": "0" * 40}).status_code == 403


def test_a_text_message_gets_a_passive_text_reply_with_articles_and_hotline(client: TestClient) -> None:
    started = time.perf_counter()
    response = client.post("/wechat", params=signed_query(), content=text_message("R签证有效期多久？"))
    assert response.status_code == 200 and time.perf_counter() - started < 5
    reply = reply_of(response)
    assert (reply["ToUserName"], reply["FromUserName"], reply["MsgType"]) == (OPENID, ACCOUNT, "text")
    assert "180日" in reply["Content"] and "第五条 加快集聚高层次人才" in reply["Content"]
    assert "400-107-6681" in reply["Content"] and len(reply["Content"].encode()) <= MAX_REPLY_BYTES


def test_a_retried_message_is_answered_once(client: TestClient, bot: FakeBot) -> None:
    first = client.post("/wechat", params=signed_query(), content=text_message("R签证有效期多久？", "42"))
    again = client.post("/wechat", params=signed_query(), content=text_message("R签证有效期多久？", "42"))
    assert first.text == again.text and len(bot.calls) == 1


def test_each_user_has_a_conversation_for_follow_ups(client: TestClient, bot: FakeBot) -> None:
    client.post("/wechat", params=signed_query(), content=text_message("R签证有效期多久？", "1"))
    client.post("/wechat", params=signed_query(), content=text_message("每次能待多久？", "2"))
    client.post("/wechat", params=signed_query(), content=text_message("每次能待多久？", "3", user="oSomeone-else"))
    assert bot.calls[1]["history"] == ["R签证有效期多久？"] and bot.calls[2]["history"] == []


def test_an_encrypted_message_is_answered_encrypted(client: TestClient) -> None:
    key = base64.b64decode(AES_KEY + "=")
    inner = text_message("How long is the R visa valid?").encode()
    plain = os.urandom(16) + struct.pack(">I", len(inner)) + inner + APPID.encode()
    pad = 32 - len(plain) % 32
    plain += bytes([pad]) * pad
    encryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    sealed = base64.b64encode(encryptor.update(plain) + encryptor.finalize()).decode()
    body = f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName><Encrypt><![CDATA[{sealed}]]></Encrypt></xml>"
    query = signed_query() | {"encrypt_type": "aes", "msg_signature": sha1_sorted(TOKEN, TIMESTAMP, NONCE, sealed)}
    response = client.post("/wechat", params=query, content=body)
    assert response.status_code == 200, response.text
    envelope = reply_of(response)
    assert envelope["MsgSignature"] == sha1_sorted(TOKEN, envelope["TimeStamp"], envelope["Nonce"], envelope["Encrypt"])
    decryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
    opened = decryptor.update(base64.b64decode(envelope["Encrypt"])) + decryptor.finalize()
    opened = opened[: -opened[-1]]
    (length,) = struct.unpack(">I", opened[16:20])
    assert opened[20 + length :].decode() == APPID
    reply = {c.tag: c.text or "" for c in ElementTree.fromstring(opened[20 : 20 + length].decode())}
    assert "180 days" in reply["Content"] and reply["ToUserName"] == OPENID
    bad = client.post("/wechat", params=query | {"msg_signature": "0" * 40}, content=body)
    assert bad.status_code == 403


@pytest.mark.parametrize(
    ("xml", "says"),
    [
        ("<xml><ToUserName>a</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime>"
         "<MsgType>image</MsgType><PicUrl>http://x/1.jpg</PicUrl><MsgId>9</MsgId></xml>", "文字提问"),
        ("<xml><ToUserName>a</ToUserName><FromUserName>u</FromUserName><CreateTime>2</CreateTime>"
         "<MsgType>voice</MsgType><MsgId>10</MsgId></xml>", "文字提问"),
        ("<xml><ToUserName>a</ToUserName><FromUserName>u</FromUserName><CreateTime>3</CreateTime>"
         "<MsgType>event</MsgType><Event>subscribe</Event></xml>", "欢迎关注"),
    ],
)  # fmt: skip
def test_other_message_types_get_a_polite_text_and_subscribing_a_welcome(
    client: TestClient, xml: str, says: str
) -> None:
    response = client.post("/wechat", params=signed_query(), content=xml)
    assert response.status_code == 200 and says in reply_of(response)["Content"]


def test_unsubscribing_needs_no_reply_and_bad_input_is_refused_without_a_5xx(client: TestClient) -> None:
    unsubscribe = ("<xml><ToUserName>a</ToUserName><FromUserName>u</FromUserName><CreateTime>4</CreateTime>"
                   "<MsgType>event</MsgType><Event>unsubscribe</Event></xml>")  # fmt: skip
    assert client.post("/wechat", params=signed_query(), content=unsubscribe).text == "success"
    assert client.post("/wechat", params=signed_query(), content="not xml").status_code == 400
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xml><Content>&a;</Content></xml>'
    assert client.post("/wechat", params=signed_query(), content=bomb).status_code == 400
    assert client.post("/wechat", params=signed_query() | {"signature": "bad"}, content=unsubscribe).status_code == 403
    more = client.post("/wechat", params=signed_query(), content=text_message("更多", "77"))
    assert "没有更多内容" in reply_of(more)["Content"]


def test_the_callback_is_absent_until_configured(bot: FakeBot, tmp_path: Path) -> None:
    app = create_app(Settings.from_env({"BOT_INDEX_DIR": str(tmp_path / "o")}), bot=bot, chat_page=False)  # type: ignore[arg-type]
    assert TestClient(app).get("/wechat", params=signed_query()).status_code == 404


def test_a_long_answer_is_cut_after_a_sentence_and_the_rest_comes_with_more() -> None:
    text = "。".join(f"第{i}句话说的是高新区的某项支持政策和它的具体条件" for i in range(120)) + "。"
    parts = split_reply(text, "zh")
    assert len(parts) > 1 and all(len(p.encode()) <= MAX_REPLY_BYTES for p in parts)
    assert all(p.split("\n\n（回复")[0].endswith("。") for p in parts[:-1]) and "回复“更多”" in parts[0]
    assert "".join(p.split("\n\n（回复")[0] for p in parts) == text


@pytest.mark.integration
def test_the_real_assistant_answers_a_wechat_message_within_the_platforms_window(real_bot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    env = {"BOT_INDEX_DIR": str(tmp_path / "i"), "BOT_WECHAT_TOKEN": TOKEN}
    with TestClient(create_app(Settings.from_env(env), bot=real_bot, chat_page=False)) as client:
        started = time.perf_counter()
        message = text_message("外籍人才申请工作许可的年龄上限是多少？")
        response = client.post("/wechat", params=signed_query(), content=message)
        elapsed = time.perf_counter() - started
    assert response.status_code == 200 and elapsed < 4.5, elapsed
    content = reply_of(response)["Content"]
    assert "65岁" in content and "第五条" in content and "400-107-6681" in content
