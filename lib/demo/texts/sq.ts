import type { LanguagePack } from "./types";

export const sq: LanguagePack = {
  language: "sq",
  coffee: {
    requests: [
      "Në çfarë ore hapet lokali te {store} të dielën?",
      "A ka arra „{product}“? Djali im ka alergji të rëndë",
      "Qumështi i tërshërës që përdorni është pa gluten?",
      "-|Porosita një „{product}“ në aplikacion (porosia {order}), shkruan „gati“, por banakieri thotë që s'ka porosi. Më morët {amount} lekë",
      "-|Pas përditësimit të aplikacionit m'u zhdukën vulat, kisha 9 nga 10 😩 A mund t'i riktheni?",
      "A po punësoni bariste te {store}? Ku ta dërgoj CV-në?",
      "A mund të rezervojmë sallën te {store} për një ditëlindje, jemi {n} veta, të shtunën?",
      "Dje rreth orës {time} harrova karikuesin e laptopit te {store}. E ka gjetur njeri?",
    ],
    complaints: [
      "Gjeta një fije floku në kafe, lokali te {store}. Banakieri thjesht ngriti supet. E neveritshme.",
      "Prita 25 minuta për një „{product}“ ndërsa stafi bisedonte pas banakut. Kurrë më.",
      "Aplikacioni më mori {amount} lekë për një porosi që s'e kam bërë kurrë. Tre email-e, asnjë përgjigje. Do ta kontestoj me bankën.",
      "Sa bukur, çmimet u rritën PRAPË dhe gota u zvogëlua. Lëvizje gjeniale 👏",
    ],
    noise: [
      "+|„{product}“ është dashuri ☕",
      "{friend} nesër kafe te {store}?",
      "+|Baristët më të mirë në qytet janë te {store}! 🙌",
    ],
    dm: [
      "Përshëndetje, për komentin tim: porosia {order}, pagova {amount} lekë në orën {time}.",
      "Përshëndetje! Ishte te {store}, rreth orës {time}, më {date}. Numri i faturës {order}.",
    ],
    answers: [
      "Përshëndetje {name}! Lokali te {store} të dielën është hapur nga 8:00 deri në 20:00 ☕ – {agent}",
      "{name}, na vjen shumë keq! Jua kthyem {amount} lekë në kartë, do t'i shihni brenda 3–5 ditëve. – {agent}",
      "{name}, vulat u rikthyen, ju lutem rinisni aplikacionin 🙏 – {agent}",
    ],
    dmAsk: [
      "{name}, na vjen shumë keq! Na shkruani në privat numrin e porosisë dhe lokalin, do ta rregullojmë. – {agent}",
      "{name}, kjo nuk duhet të ndodhte. Ju lutem na dërgoni detajet me mesazh privat. – {agent}",
    ],
    dmOpen: [
      "Përshëndetje {name}! Jam {agent} nga {brand}. Pamë komentin tuaj — në cilin lokal dhe rreth sa ishte?",
    ],
    dmAnswers: [
      "Faleminderit, {name}! Jua kthyem {amount} lekë dhe shtuam dy pije falas në aplikacion ☕ – {agent}",
      "Faleminderit. Ia kaluam përgjegjësit të lokalit te {store}, ky nuk është standardi ynë. – {agent}",
    ],
  },
  requests: [
    "-|Aplikacioni i {brand} mbyllet sa hap profilin. E instalova prapë, s'bën",
    "Nuk mund të hyj, email-i për ndryshimin e fjalëkalimit nuk vjen kurrë",
  ],
  noise: [
    "+|Ju dua shumë ❤️",
    "{friend} shiko!! 😍",
    "{friend} {friend2} duhet të shkojmë",
    "i pari 🙌",
    "Fito 500 € në javë nga shtëpia! Kliko këtu {url} 💰",
    "+|Fundjavë të mbarë të gjithëve! ☀️",
    "hahaha {friend}",
  ],
  giveaway: ["{friend} {friend2} 🤞", "Marr pjesë! Ju ndjek dhe tagova {friend} 🙏", "+|Do doja shumë të fitoja! {friend}"],
  followUps: ["Ka ndonjë lajm?", "-|Alo?? Ende po pres përgjigje", "-|Kaloi një orë. A ka njeri?"],
  thanks: ["+|Faleminderit, më ndihmoi!", "+|Super, faleminderit për përgjigjen e shpejtë 🙏", "0|Ok faleminderit"],
  crowd: ["{friend} haha njësoj", "dakord 👆", "-|E njëjta gjë më ndodhi edhe mua, fatkeqësisht", "😂😂"],
  replyThanks: ["Shumë faleminderit, {name}! 💙 – {agent}", "Sa bukur, {name}! Do t'ia kalojmë ekipit 😊 – {agent}"],
  automated: ["Faleminderit për mesazhin! E morëm dhe do t'ju përgjigjemi sa më shpejt."],
  names: {
    first: ["Arta", "Erion", "Elira", "Klodian", "Besa", "Ardit", "Jonida", "Dritan", "Ana", "Gent"],
    last: ["Hoxha", "Shehu", "Dervishi", "Leka", "Kola", "Gjoka", "Basha", "Marku"],
  },
  slots: {
    product: ["flat white", "kafe latte", "kapuçino", "makiato", "kafe e ftohtë"],
    store: ["Blloku", "Sheshi Skënderbej", "Rruga e Durrësit", "Pazari i Ri"],
  },
};
