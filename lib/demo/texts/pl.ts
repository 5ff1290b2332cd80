import type { LanguagePack } from "./types";

export const pl: LanguagePack = {
  language: "pl",
  airline: {
    requests: [
      "Dzień dobry, w aplikacji przy locie {flight} pojawiło się „zmiana rozkładu”. O której teraz wylot?",
      "Ile kg bagażu rejestrowanego jest w taryfie Economy Light? Lecimy {date}",
      "Czy mogę zabrać kota do kabiny? Waży ok. 6 kg z transporterem, lot {flight}",
      "-|Walizka nie dotarła po locie {flight}. Zgłoszenie zrobione ({code}), ile zwykle trwa szukanie?",
      "Pomyliłem datę w rezerwacji {code}. Da się zmienić bez dopłaty całej różnicy w cenie?",
      "-|Od 6 tygodni czekam na zwrot {amount} € za odwołany lot z {date}. Do kogo mam się zwrócić?",
      "Odprawa online wyrzuca błąd „niekompletne dane pasażera”, rezerwacja {code}. Co robić?",
      "Czy {flight} jest opóźniony? Na tablicy nic, przy bramce pusto",
    ],
    complaints: [
      "3 godziny na płycie lotniska i nikt z {brand} nic nam nie mówi. Lot {flight}. Skandal.",
      "Odwołali {flight} 2 godziny przed wylotem, bez hotelu, bez posiłku, nic. Sprawą zajmie się mój prawnik.",
      "Drugi raz w tym roku gubicie moją walizkę. {brand}, to jakiś żart. Zgłoszenie {code}",
      "Zwrot „w ciągu 7 dni”. Minęły 3 miesiące. Idę do rzecznika praw konsumenta i do mediów.",
    ],
    noise: [
      "+|Najdelikatniejsze lądowanie w moim życiu na {flight}, gratulacje dla kapitana! ✈️",
      "{friend} następne wakacje {city}?? 🏝️",
      "+|Super załoga na locie {flight}, dziękujemy!!",
    ],
    dm: [
      "Dzień dobry, w sprawie mojego komentarza: rezerwacja {code}, lot {flight} {date}.",
      "Przesyłam dane: {code}. Wylot o {time}, proszę szybko sprawdzić",
    ],
    answers: [
      "Dzień dobry {name}, dziękujemy za wiadomość! {flight} według aktualnego planu wylatuje o {time}. Miłego lotu! ^{agent}",
      "Cześć {name}, dodatkowy bagaż można dokupić w zakładce „Moje podróże” do 3 godzin przed wylotem — taniej niż na lotnisku. ^{agent}",
      "Dzień dobry {name}, przepraszamy za kłopot. Dział bagażu szuka walizki, informację dostaniesz mailem w ciągu 48 godzin. ^{agent}",
    ],
    dmAsk: [
      "{name}, bardzo nam przykro. Prosimy o wiadomość prywatną z numerem rezerwacji — sprawdzimy to. ^{agent}",
      "{name}, przepraszamy. Nie podawaj tu danych osobowych, napisz do nas na priv z kodem rezerwacji. ^{agent}",
    ],
    dmOpen: [
      "Dzień dobry {name}, tu {agent} z {brand}, piszę w sprawie komentarza. Czy możesz podać kod rezerwacji?",
    ],
    dmAnswers: [
      "Dziękujemy, {name}. Rezerwacja {code} odnaleziona: zwrot {amount} € został zlecony, wpłynie w ciągu 7 dni roboczych. ^{agent}",
      "Dziękujemy! Walizka się znalazła, kurier dostarczy ją jutro między 9 a 14. ^{agent}",
    ],
  },
  requests: [
    "-|Aplikacja {brand} zamyka się przy otwieraniu profilu. Reinstalacja nie pomogła",
    "Nie mogę się zalogować, mail do resetu hasła w ogóle nie przychodzi",
  ],
  noise: [
    "+|Kocham was ❤️",
    "{friend} patrz!! 😍",
    "{friend} {friend2} musimy to zrobić",
    "pierwszy 🙌",
    "Zarabiaj 5000 € tygodniowo z domu! Wejdź na {url} 💰",
    "+|Udanego weekendu wszystkim! ☀️",
    "hahaha {friend}",
    "+|Super obsługa, dzięki!",
  ],
  giveaway: ["{friend} {friend2} 🤞", "Biorę udział! Obserwuję i oznaczam {friend} 🙏", "+|Bardzo chciałabym wygrać! {friend}"],
  followUps: ["Jest coś nowego?", "-|Halo?? Dalej czekam na odpowiedź", "-|Minęła już godzina. Jest tam ktoś?"],
  thanks: ["+|Dzięki, pomogło!", "+|Super, dziękuję za szybką odpowiedź 🙏", "0|Ok dzięki"],
  crowd: ["{friend} haha to samo", "zgadzam się 👆", "-|Niestety to samo u mnie", "😂😂"],
  replyThanks: ["Bardzo dziękujemy, {name}! 💙 ^{agent}", "Miło to czytać, {name}! Przekażemy załodze 😊 ^{agent}"],
  automated: ["Dziękujemy za wiadomość! Otrzymaliśmy ją i odpowiemy najszybciej, jak to możliwe."],
  names: {
    first: ["~Zuzanna", "Jakub", "~Julia", "Antoni", "~Maja", "Jan", "~Zofia", "Szymon", "~Hanna", "Filip"],
    last: ["Nowak", "Kowalski/Kowalska", "Wiśniewski/Wiśniewska", "Wójcik", "Kowalczyk", "Kamiński/Kamińska", "Lewandowski/Lewandowska", "Zieliński/Zielińska"],
  },
  slots: { city: ["Amsterdam", "Barcelona", "Lizbona", "Rzym", "Paryż", "Teneryfa", "Nowy Jork", "Dubaj"] },
};
