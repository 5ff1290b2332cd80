/* Replyhour website widget: <script src="https://HOST/widget.js" data-channel="PUBLIC-KEY" async></script> */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.getAttribute("data-channel") || window.__replyhourWidget) return;
  window.__replyhourWidget = true;
  var KEY = script.getAttribute("data-channel");
  var BASE = new URL(script.src, location.href).origin;
  var API = BASE + "/api/widget/" + encodeURIComponent(KEY);
  var STORE = "replyhour:" + KEY;

  var TEXTS = {
    en: {
      openChat: "Chat with us", openForm: "Contact us", titleChat: "Chat with {brand}", titleForm: "Write to {brand}", close: "Close",
      within: "We usually answer within {d}.", online: "We're online.",
      offline: "We're offline right now. Leave your message and e-mail address, and we'll answer by e-mail when we're back.",
      message: "Your message", name: "Your name (optional)", nameForm: "Your name", email: "E-mail address (optional, for the answer)", emailForm: "E-mail address",
      send: "Send", sending: "Sending…", you: "You", empty: "Ask us anything; a person from the team will answer here.",
      thanks: "Thank you! We received your message and will answer by e-mail.", failed: "Could not send. Check your connection and try again.",
      unavailable: "The chat is not available on this site.", newReply: "New reply", honeypot: "Leave this field empty",
      min: { one: "{n} minute", other: "{n} minutes" }, hour: { one: "{n} hour", other: "{n} hours" },
    },
    ru: {
      openChat: "Напишите нам", openForm: "Связаться с нами", titleChat: "Чат с {brand}", titleForm: "Написать в {brand}", close: "Закрыть",
      within: "Обычно отвечаем в течение {d}.", online: "Мы на связи.",
      offline: "Сейчас мы не на связи. Оставьте сообщение и адрес электронной почты — ответим письмом, когда вернёмся.",
      message: "Ваше сообщение", name: "Ваше имя (необязательно)", nameForm: "Ваше имя", email: "Адрес электронной почты (необязательно, для ответа)", emailForm: "Адрес электронной почты",
      send: "Отправить", sending: "Отправка…", you: "Вы", empty: "Задайте вопрос — здесь вам ответит сотрудник.",
      thanks: "Спасибо! Мы получили ваше сообщение и ответим письмом.", failed: "Не удалось отправить. Проверьте подключение и попробуйте ещё раз.",
      unavailable: "Чат недоступен на этом сайте.", newReply: "Новый ответ", honeypot: "Оставьте это поле пустым",
      min: { one: "{n} минуты", few: "{n} минут", many: "{n} минут", other: "{n} минуты" }, hour: { one: "{n} часа", few: "{n} часов", many: "{n} часов", other: "{n} часа" },
    },
    bg: {
      openChat: "Пишете ни", openForm: "Свържете се с нас", titleChat: "Чат с {brand}", titleForm: "Пишете на {brand}", close: "Затвори",
      within: "Обикновено отговаряме в рамките на {d}.", online: "На линия сме.",
      offline: "В момента не сме на линия. Оставете съобщение и имейл адрес и ще ви отговорим по имейл, когато се върнем.",
      message: "Вашето съобщение", name: "Вашето име (по желание)", nameForm: "Вашето име", email: "Имейл адрес (по желание, за отговора)", emailForm: "Имейл адрес",
      send: "Изпрати", sending: "Изпращане…", you: "Вие", empty: "Попитайте ни каквото желаете; човек от екипа ще ви отговори тук.",
      thanks: "Благодарим! Получихме съобщението ви и ще отговорим по имейл.", failed: "Съобщението не беше изпратено. Проверете връзката и опитайте отново.",
      unavailable: "Чатът не е достъпен на този сайт.", newReply: "Нов отговор", honeypot: "Оставете това поле празно",
      min: { one: "{n} минута", other: "{n} минути" }, hour: { one: "{n} час", other: "{n} часа" },
    },
    sq: {
      openChat: "Na shkruani", openForm: "Na kontaktoni", titleChat: "Bisedë me {brand}", titleForm: "Shkruajini {brand}", close: "Mbyll",
      within: "Zakonisht përgjigjemi brenda {d}.", online: "Jemi në linjë.",
      offline: "Tani nuk jemi në linjë. Lini mesazhin dhe adresën tuaj të emailit dhe do t'ju përgjigjemi me email kur të kthehemi.",
      message: "Mesazhi juaj", name: "Emri juaj (opsional)", nameForm: "Emri juaj", email: "Adresa e emailit (opsionale, për përgjigjen)", emailForm: "Adresa e emailit",
      send: "Dërgo", sending: "Po dërgohet…", you: "Ju", empty: "Na pyesni çfarëdo; një person nga ekipi do t'ju përgjigjet këtu.",
      thanks: "Faleminderit! E morëm mesazhin tuaj dhe do t'ju përgjigjemi me email.", failed: "Mesazhi nuk u dërgua. Kontrolloni lidhjen dhe provoni përsëri.",
      unavailable: "Biseda nuk është e disponueshme në këtë faqe.", newReply: "Përgjigje e re", honeypot: "Lëreni këtë fushë bosh",
      min: { one: "{n} minute", other: "{n} minutash" }, hour: { one: "{n} ore", other: "{n} orësh" },
    },
  };

  // The visitor's language: the script tag's data-lang, else the browser's first supported one.
  var lang = "en";
  var wanted = [script.getAttribute("data-lang") || ""].concat(navigator.languages || [navigator.language || ""]);
  for (var i = 0; i < wanted.length; i++) {
    var code = String(wanted[i]).toLowerCase().split("-")[0];
    if (TEXTS[code]) { lang = code; break; }
  }
  var T = TEXTS[lang];
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
  }
  function duration(seconds) {
    var minutes = Math.max(1, Math.ceil(seconds / 60));
    var unit = minutes < 60 ? T.min : T.hour;
    var n = minutes < 60 ? minutes : Math.ceil(minutes / 60);
    var form = new Intl.PluralRules(lang).select(n);
    return fill(unit[form] || unit.other, { n: n });
  }

  var CSS =
    ":host{all:initial}*{box-sizing:border-box;font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}" +
    ".launch{position:fixed;right:16px;bottom:16px;z-index:2147483000;min-height:44px;padding:10px 18px;border:0;border-radius:22px;background:#1d4ed8;color:#fff;font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}" +
    ".panel{position:fixed;right:16px;bottom:72px;z-index:2147483000;display:flex;flex-direction:column;width:min(370px,calc(100vw - 16px));max-height:min(560px,calc(100vh - 88px));background:#fff;color:#18181b;border:1px solid #d4d4d8;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);overflow:hidden}" +
    "@media (max-width:480px){.panel{right:8px;bottom:64px}}" +
    ".panel[hidden]{display:none}header{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:10px 12px;background:#1d4ed8;color:#fff}" +
    "h2{margin:0;font-size:15px;font-weight:600}.x{min-width:44px;min-height:36px;border:0;border-radius:6px;background:transparent;color:#fff;font-size:20px;cursor:pointer}" +
    ".status{margin:0;padding:8px 12px;background:#eff6ff;color:#1e3a8a;font-size:13px}.status.off{background:#fef3c7;color:#78350f}" +
    ".log{flex:1;overflow-y:auto;padding:10px 12px;display:flex;flex-direction:column;gap:8px;min-height:120px}" +
    ".msg{max-width:85%;padding:7px 10px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word}.visitor{align-self:flex-end;background:#dbeafe}.agent{align-self:flex-start;background:#f4f4f5}" +
    ".who{display:block;font-size:11px;color:#52525b}.hint{color:#52525b;font-size:13px}" +
    "form{display:flex;flex-direction:column;gap:6px;padding:10px 12px;border-top:1px solid #e4e4e7}label{font-size:12px;color:#3f3f46}" +
    "input,textarea{width:100%;padding:7px 9px;border:1px solid #a1a1aa;border-radius:6px;background:#fff;color:#18181b}textarea{resize:vertical;min-height:60px}" +
    ".send{align-self:flex-end;min-height:40px;padding:8px 16px;border:0;border-radius:6px;background:#1d4ed8;color:#fff;font-weight:600;cursor:pointer}.send:disabled{opacity:.6}" +
    ".err{color:#b91c1c;font-size:13px;margin:0}.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}" +
    "button:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}";

  var host = document.createElement("div");
  host.setAttribute("data-replyhour", "widget");
  var root = host.attachShadow({ mode: "open" });
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var name in attrs || {}) node.setAttribute(name, attrs[name]);
    if (text != null) node.textContent = text;
    return node;
  }
  var style = el("style", null, CSS);
  var launch = el("button", { type: "button", class: "launch", "aria-expanded": "false", "aria-controls": "rh-panel" }, T.openChat);
  var panel = el("section", { id: "rh-panel", class: "panel", role: "dialog", "aria-labelledby": "rh-title", hidden: "" });
  var header = el("header");
  var title = el("h2", { id: "rh-title" }, "");
  var closeBtn = el("button", { type: "button", class: "x", "aria-label": T.close }, "×");
  header.append(title, closeBtn);
  var status = el("p", { class: "status", role: "status" }, "");
  var log = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-labelledby": "rh-title", tabindex: "0" });
  var form = el("form", { novalidate: "" });
  var nameLabel = el("label", { for: "rh-name" }, T.name);
  var nameInput = el("input", { id: "rh-name", name: "name", autocomplete: "name", maxlength: "200" });
  var emailLabel = el("label", { for: "rh-email" }, T.email);
  var emailInput = el("input", { id: "rh-email", name: "email", type: "email", autocomplete: "email", maxlength: "254" });
  var textLabel = el("label", { for: "rh-text" }, T.message);
  var textInput = el("textarea", { id: "rh-text", name: "text", maxlength: "5000", required: "" });
  var honey = el("div", { class: "hp", "aria-hidden": "true" });
  var honeyInput = el("input", { name: "website", tabindex: "-1", autocomplete: "off" });
  honey.append(el("label", null, T.honeypot), honeyInput);
  var error = el("p", { class: "err", role: "alert" });
  var send = el("button", { type: "submit", class: "send" }, T.send);
  var contactFields = [nameLabel, nameInput, emailLabel, emailInput];
  form.append(nameLabel, nameInput, emailLabel, emailInput, textLabel, textInput, honey, error, send);
  panel.append(header, status, log, form);
  root.append(style, launch, panel);

  var session = null;
  var shown = {};
  var stream = null;
  var starting = null;
  // A message keeps its id until it is accepted, so a retry after a lost answer is stored once.
  var pending = null;

  var linked = null;
  function stored() {
    try { return localStorage.getItem(STORE) || linked; } catch { return linked; }
  }
  function keep(token) {
    try { localStorage.setItem(STORE, token); } catch { /* private mode: the conversation lasts the page */ }
  }
  function request(method, path, body) {
    var headers = {};
    if (session) headers.Authorization = "Bearer " + session.token;
    if (body) headers["Content-Type"] = "application/json";
    return fetch(API + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined, credentials: "omit" }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (!res.ok) throw new Error((data.error && data.error.message) || T.failed);
        return data;
      });
    });
  }

  // A reply that arrives while the panel is closed is announced on the launcher.
  function add(message, live) {
    if (shown[message.id]) return;
    shown[message.id] = true;
    if (live && message.from === "agent" && panel.hidden) launch.textContent = launchText() + " · " + T.newReply;
    var hint = log.querySelector(".hint");
    if (hint) hint.remove();
    var item = el("div", { class: "msg " + message.from });
    item.append(el("span", { class: "who" }, message.from === "visitor" ? T.you : session.brand), document.createTextNode(message.text));
    log.append(item);
    log.scrollTop = log.scrollHeight;
  }

  function launchText() {
    return session && session.mode === "form" ? T.openForm : T.openChat;
  }

  function render() {
    var isForm = session.mode === "form";
    launch.textContent = launchText();
    title.textContent = fill(isForm ? T.titleForm : T.titleChat, { brand: session.brand });
    var st = session.status;
    status.className = "status" + (st.online ? "" : " off");
    status.textContent = !st.online ? T.offline : st.responseSeconds != null ? fill(T.within, { d: duration(st.responseSeconds) }) : T.online;
    // Name and e-mail are asked for in the contact form, and offered when the team is offline.
    var askContact = isForm || !st.online;
    contactFields.forEach(function (node) { node.hidden = !askContact; });
    nameLabel.textContent = isForm ? T.nameForm : T.name;
    emailLabel.textContent = isForm ? T.emailForm : T.email;
    if (isForm) emailInput.setAttribute("required", ""); else emailInput.removeAttribute("required");
    if (!isForm && !log.children.length) log.append(el("p", { class: "hint" }, T.empty));
    session.messages.forEach(function (m) { add(m, false); });
  }

  function listen() {
    if (stream || session.mode !== "chat" || typeof EventSource === "undefined") return;
    stream = new EventSource(API + "/stream?token=" + encodeURIComponent(session.token));
    stream.addEventListener("message", function (event) {
      try { add(JSON.parse(event.data), true); } catch { /* a malformed event is skipped */ }
    });
  }

  function start() {
    if (!starting) {
      var token = stored();
      starting = fetch(API + "/session", { method: "POST", headers: token ? { Authorization: "Bearer " + token } : {}, credentials: "omit" })
        .then(function (res) {
          return res.json().then(function (data) {
            if (!res.ok) throw new Error((data.error && data.error.message) || T.unavailable);
            return data;
          });
        })
        .then(function (data) {
          session = data;
          keep(data.token);
          render();
          listen();
        })
        .catch(function () {
          starting = null;
          status.className = "status off";
          status.textContent = T.unavailable;
          form.hidden = true;
        });
    }
    return starting;
  }

  function open() {
    panel.hidden = false;
    launch.textContent = launchText();
    launch.setAttribute("aria-expanded", "true");
    start().then(function () { (session && session.mode === "form" && !nameInput.value ? nameInput : textInput).focus(); });
    textInput.focus();
  }
  function close() {
    panel.hidden = true;
    launch.setAttribute("aria-expanded", "false");
    launch.focus();
  }
  launch.addEventListener("click", function () { if (panel.hidden) open(); else close(); });
  closeBtn.addEventListener("click", close);
  panel.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
  textInput.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && session && session.mode === "chat") {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!session) return;
    var text = textInput.value.trim();
    if (!text) { error.textContent = T.message; textInput.focus(); return; }
    error.textContent = "";
    send.disabled = true;
    send.textContent = T.sending;
    if (!pending || pending.text !== text) pending = { text: text, id: Math.random().toString(36).slice(2) + Date.now().toString(36) };
    var body = { text: text, clientId: pending.id, website: honeyInput.value };
    if (!nameInput.hidden && nameInput.value.trim()) body.name = nameInput.value.trim();
    if (!emailInput.hidden && emailInput.value.trim()) body.email = emailInput.value.trim();
    request("POST", "/messages", body)
      .then(function (data) {
        textInput.value = "";
        pending = null;
        if (session.mode === "form") {
          form.hidden = true;
          log.append(el("p", { class: "hint" }, T.thanks));
        } else add(data.message, false);
        textInput.focus();
      })
      .catch(function (e) { error.textContent = e.message || T.failed; })
      .then(function () {
        send.disabled = false;
        send.textContent = T.send;
      });
  });

  // The link in an answer sent by e-mail carries the visitor's token: the conversation opens here, on any device.
  function fromLink() {
    var m = /[#&]replyhour=([A-Za-z0-9._-]{1,200})/.exec(location.hash);
    if (!m) return false;
    linked = m[1];
    keep(linked);
    try { history.replaceState(null, "", location.pathname + location.search); } catch { /* the hash stays */ }
    return true;
  }
  function mount() {
    document.body.append(host);
    if (fromLink()) open();
    // A returning visitor reconnects at once, so replies that came meanwhile are there.
    else if (stored()) start();
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
