// Hand-written thread material, second half of the languages (see phrases-a.ts for the kinds).
import type { Phrases } from "./phrases-a";

export const es: Phrases = {
  greet: ["Hola", "Buenos días!", "hola, una pregunta", "Buenas tardes", "¿hay alguien?"],
  follow: ["???", "¿alguna novedad?", "¿hola??", "sigo esperando respuesta", "¿alguien?"],
  polite: [
    "Hola, hice el pedido el lunes y el paquete aún no ha llegado, ¿podrían revisarlo?",
    "Buenos días, me cobraron {n} veces un solo café, pedido {id}",
    "Hola, la app me cierra la sesión cada vez que abro el extracto",
    "buenas, el reembolso que me prometieron hace dos semanas no ha llegado",
  ],
  sarcasm: ["gracias por perder mi maleta otra vez, muy profesional", "qué gran servicio, una hora en espera 👏", "claro, el quinto retraso del mes, qué constancia"],
  between: ["{f} ¿café mañana en el centro?", "{f} ¿ya te llegó el tuyo?", "{f} ¿a qué hora quedamos?", "{f} ¿vienes el sábado?"],
  metoo: ["igual", "yo también 😂", "a mí me pasó lo mismo", "jaja igual", "de acuerdo 👆"],
  idiom: ["no me puedo quejar, el mejor latte", "nada mal", "nunca me arrepentí", "ninguna queja, vuelo perfecto"],
  wish: ["no puedo esperar a nuestra luna de miel en Londres", "que llegue ya el finde ☀️", "contando los días para mis vacaciones"],
  scam: ["¡Felicidades! Has ganado un iPhone 15, reclámalo aquí {url}", "gana 500 € al día desde casa, escríbeme", "tu cuenta será suspendida, verifica ahora {url}"],
  answer: ["el de caramelo", "¡calabaza!!", "Lisboa sin duda", "la azul 😍", "los dos 😂"],
  post: ["¡Llegó nuestra carta de otoño! ¿Qué probáis primero?", "SORTEO 🎁 Etiqueta a un amigo y gana dos billetes", "¿Cuál debería ser nuestra próxima ruta? Contadnos", "Nuevo diseño de tarjeta. ¿Qué os parece?"],
  mix: ["Q|hola, my order still not arrived, ¿me ayudan?", "H|qué cool, love it"],
};

export const it: Phrases = {
  greet: ["Ciao", "Buongiorno!", "salve, una domanda", "Buonasera", "c'è qualcuno?"],
  follow: ["???", "novità?", "pronto??", "ancora in attesa di risposta", "qualcuno?"],
  polite: [
    "Buongiorno, ho ordinato lunedì e il pacco non è ancora arrivato, potete controllare?",
    "Salve, mi avete addebitato {n} volte un solo caffè, ordine {id}",
    "Buonasera, l'app mi disconnette ogni volta che apro l'estratto conto",
    "ciao, il rimborso promesso due settimane fa non è arrivato",
  ],
  sarcasm: ["grazie per aver perso di nuovo la mia valigia, molto professionali", "servizio fantastico, un'ora di attesa 👏", "certo, il quinto ritardo del mese, che costanza"],
  between: ["{f} caffè domani in centro?", "{f} ti è arrivato il tuo?", "{f} a che ora ci vediamo?", "{f} vieni sabato?"],
  metoo: ["uguale", "anche io 😂", "è successo anche a me", "ahah uguale", "d'accordo 👆"],
  idiom: ["non mi lamento, il miglior latte", "niente male", "mai pentita", "nessun problema, volo perfetto"],
  wish: ["non vedo l'ora della nostra luna di miele a Londra", "non vedo l'ora del weekend ☀️", "conto i giorni alle vacanze"],
  scam: ["Congratulazioni! Hai vinto un iPhone 15, ritiralo qui {url}", "guadagna 500 € al giorno da casa, scrivimi", "il tuo conto sarà sospeso, verifica ora {url}"],
  answer: ["quello al caramello", "zucca!!", "Lisbona senza dubbio", "la blu 😍", "entrambi 😂"],
  post: ["Il menu d'autunno è arrivato! Cosa provate per primo?", "GIVEAWAY 🎁 Tagga un amico e vinci due biglietti", "Dove dovrebbe andare la prossima rotta? Scrivetelo nei commenti", "Nuovo design della carta. Che ne pensate?"],
  mix: ["Q|ciao, my order non è ancora arrivato, any news?", "H|troppo cool, love it"],
};

export const pt: Phrases = {
  greet: ["Olá", "Bom dia!", "oi, uma pergunta", "Boa tarde", "tem alguém aí?"],
  follow: ["???", "alguma novidade?", "alô??", "ainda esperando resposta", "alguém?"],
  polite: [
    "Olá, fiz o pedido na segunda e o pacote ainda não chegou, podem verificar?",
    "Bom dia, cobraram {n} vezes um só café, pedido {id}",
    "Boa tarde, o app me desconecta toda vez que abro o extrato",
    "oi, o reembolso prometido há duas semanas ainda não caiu",
  ],
  sarcasm: ["obrigado por perder minha mala de novo, muito profissional", "ótimo atendimento, uma hora esperando 👏", "claro, o quinto atraso do mês, que constância"],
  between: ["{f} café amanhã no centro?", "{f} já chegou o seu?", "{f} que horas a gente se encontra?", "{f} vem no sábado?"],
  metoo: ["igual", "eu também 😂", "aconteceu comigo também", "kkkk igual", "concordo 👆"],
  idiom: ["não posso reclamar, melhor latte", "nada mal", "nunca me arrependi", "nenhuma reclamação, voo perfeito"],
  wish: ["não vejo a hora da nossa lua de mel em Londres", "não vejo a hora do fim de semana ☀️", "contando os dias para as férias"],
  scam: ["Parabéns! Você ganhou um iPhone 15, resgate aqui {url}", "ganhe R$500 por dia em casa, me chama", "sua conta será suspensa, verifique agora {url}"],
  answer: ["o de caramelo", "abóbora!!", "Lisboa com certeza", "o azul 😍", "os dois 😂"],
  post: ["O cardápio de outono chegou! O que vocês vão provar primeiro?", "SORTEIO 🎁 Marque um amigo e ganhe duas passagens", "Qual deve ser a nossa próxima rota? Contem nos comentários", "Novo design do cartão. O que acharam?"],
  mix: ["Q|oi, my order ainda não chegou, help?", "H|muito cool, love it"],
};

export const nl: Phrases = {
  greet: ["Hallo", "Goedemorgen!", "hoi, korte vraag", "Goedemiddag", "is daar iemand?"],
  follow: ["???", "al nieuws?", "hallo??", "wacht nog steeds op antwoord", "iemand?"],
  polite: [
    "Hallo, ik heb maandag besteld en het pakket is er nog steeds niet, kunnen jullie kijken?",
    "Goedemorgen, er is {n} keer afgeschreven voor één koffie, bestelling {id}",
    "Hoi, de app logt me uit elke keer dat ik mijn afschrift open",
    "goedenavond, de beloofde terugbetaling staat nog niet op mijn rekening",
  ],
  sarcasm: ["bedankt dat jullie mijn koffer weer kwijt zijn, heel professioneel", "geweldige service, een uur in de wacht 👏", "tuurlijk, de vijfde vertraging deze maand, lekker betrouwbaar"],
  between: ["{f} morgen koffie in de stad?", "{f} heb jij de jouwe al?", "{f} hoe laat spreken we af?", "{f} kom je zaterdag?"],
  metoo: ["hier hetzelfde", "ik ook 😂", "overkwam mij ook", "haha zelfde", "eens 👆"],
  idiom: ["niet over te klagen, beste latte", "helemaal niet slecht", "nooit spijt gehad", "geen klachten, prima vlucht"],
  wish: ["kan niet wachten op onze huwelijksreis naar Londen", "zin in het weekend ☀️", "tel de dagen af tot de vakantie"],
  scam: ["Gefeliciteerd! Je hebt een iPhone 15 gewonnen, claim hem hier {url}", "verdien 500 euro per dag vanuit huis, stuur me een bericht", "je rekening wordt geblokkeerd, verifieer nu {url}"],
  answer: ["die met karamel", "pompoen!!", "Lissabon natuurlijk", "de blauwe 😍", "allebei 😂"],
  post: ["Onze herfstkaart is er! Wat proberen jullie eerst?", "WINACTIE 🎁 Tag een vriend en win twee tickets", "Waar moet onze volgende route naartoe? Laat het weten", "Nieuw kaartontwerp. Wat vinden jullie?"],
  mix: ["Q|hoi, my order is er nog steeds niet, kunnen jullie helpen?", "H|echt nice, love it"],
};

export const pl: Phrases = {
  greet: ["Dzień dobry", "Cześć!", "hej, mam pytanie", "Dobry wieczór", "jest ktoś?"],
  follow: ["???", "są jakieś wieści?", "halo??", "dalej czekam na odpowiedź", "ktoś?"],
  polite: [
    "Dzień dobry, zamówiłam w poniedziałek i paczka jeszcze nie dotarła, możecie sprawdzić?",
    "Dzień dobry, pobrano {n} razy za jedną kawę, zamówienie {id}",
    "Cześć, aplikacja wylogowuje mnie za każdym razem, gdy otwieram wyciąg",
    "dobry wieczór, obiecany zwrot sprzed dwóch tygodni nadal nie przyszedł",
  ],
  sarcasm: ["dzięki, że znowu zgubiliście mój bagaż, bardzo profesjonalnie", "świetna obsługa, godzina na infolinii 👏", "jasne, piąte opóźnienie w tym miesiącu, stabilnie"],
  between: ["{f} kawa jutro w centrum?", "{f} dostałaś już swoje?", "{f} o której się widzimy?", "{f} przyjdziesz w sobotę?"],
  metoo: ["u mnie to samo", "ja też 😂", "mnie też się to zdarzyło", "haha to samo", "zgadzam się 👆"],
  idiom: ["nie mogę narzekać, najlepsze latte", "wcale nieźle", "nigdy nie żałowałam", "żadnych zastrzeżeń, świetny lot"],
  wish: ["nie mogę się doczekać naszego miesiąca miodowego w Londynie", "już bym chciała weekend ☀️", "odliczam dni do urlopu"],
  scam: ["Gratulacje! Wygrałeś iPhone 15, odbierz tutaj {url}", "zarabiaj 500 zł dziennie z domu, napisz do mnie", "twoje konto zostanie zablokowane, zweryfikuj teraz {url}"],
  answer: ["ta karmelowa", "dyniowa!!", "zdecydowanie Lizbona", "niebieska 😍", "obie 😂"],
  post: ["Jesienne menu już jest! Co spróbujecie najpierw?", "KONKURS 🎁 Oznacz znajomego i wygraj dwa bilety", "Dokąd ma polecieć nasza nowa trasa? Piszcie w komentarzach", "Nowy wygląd karty. Jak wam się podoba?"],
  mix: ["Q|dzień dobry, my order nadal nie dotarł, help", "H|super cool, love it"],
};

export const tr: Phrases = {
  greet: ["Merhaba", "İyi günler!", "selam, bir sorum var", "İyi akşamlar", "kimse yok mu?"],
  follow: ["???", "bir gelişme var mı?", "alo??", "hâlâ cevap bekliyorum", "kimse yok mu"],
  polite: [
    "Merhaba, pazartesi sipariş verdim ve paket hâlâ gelmedi, kontrol edebilir misiniz?",
    "İyi günler, tek bir kahve için {n} kez ödeme alındı, sipariş {id}",
    "Merhaba, uygulama hesap özetini her açtığımda oturumu kapatıyor",
    "iyi akşamlar, iki hafta önce söz verilen iade hâlâ yatmadı",
  ],
  sarcasm: ["bavulumu yine kaybettiğiniz için teşekkürler, çok profesyonel", "harika hizmet, bir saat beklemede 👏", "tabii, bu ay beşinci rötar, ne istikrar"],
  between: ["{f} yarın merkezde kahve?", "{f} seninki geldi mi?", "{f} saat kaçta buluşuyoruz?", "{f} cumartesi geliyor musun?"],
  metoo: ["bende de aynısı", "ben de 😂", "aynısı bana da oldu", "haha aynı", "katılıyorum 👆"],
  idiom: ["şikayet edemem, en iyi latte", "hiç fena değil", "hiç pişman olmadım", "hiçbir şikayetim yok, harika uçuş"],
  wish: ["Londra'daki balayımızı iple çekiyorum", "hafta sonu gelse de ☀️", "tatile gün sayıyorum"],
  scam: ["Tebrikler! iPhone 15 kazandınız, buradan alın {url}", "evden günde 500 TL kazan, bana yaz", "hesabınız askıya alınacak, hemen doğrulayın {url}"],
  answer: ["karamelli olan", "balkabağı!!", "kesinlikle Lizbon", "mavi olan 😍", "ikisi de 😂"],
  post: ["Sonbahar menümüz geldi! İlk hangisini deneyeceksiniz?", "ÇEKİLİŞ 🎁 Bir arkadaşını etiketle, iki bilet kazan", "Yeni rotamız nereye olsun? Yorumlara yazın", "Yeni kart tasarımı. Nasıl buldunuz?"],
  mix: ["Q|merhaba, my order hâlâ gelmedi, yardım?", "H|çok cool, love it"],
};
