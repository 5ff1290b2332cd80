// Second round of thread material, second half of the languages (see more-a.ts).
import type { MorePhrases } from "./more-a";

export const es: MorePhrases = {
  sarcasm: [
    "me encanta vuestra app: se cuelga justo al pagar. genial 🙃",
    "envío exprés, ya vamos por el día 9. muy exprés",
    "gracias por la comisión sorpresa, justo lo que quería",
    "me cobrasteis dos veces un bocadillo, qué generosa soy 👏",
    "tercer pago rechazado esta semana, seguid así",
  ],
  polite: [
    "Hola, devolví la chaqueta el día 3 y todavía no me ha llegado el dinero, ¿podrían revisarlo?",
    "Buenas, el pedido {id} está 'en tránsito' desde el martes pasado",
    "Hola, el código de descuento de vuestro correo no funciona al pagar",
    "Buenas tardes, pagué una maleta extra pero no aparece en la tarjeta de embarque",
  ],
  wish: [
    "dos noches más y estoy en Lisboa ✈️",
    "maleta hecha, Ibiza allá voy 🌞",
    "el verano que viene Japón, me lo he prometido",
    "soñando con una ventanilla por encima de las nubes",
    "ojalá este viernes no se acabe nunca {e}",
  ],
  metoo: ["literal yo 😂", "+1", "jajaja tal cual", "lo mismo digo"],
  between: [
    "{f} ¿le compramos esto a mamá por su cumple?",
    "{f} por cierto, me debes un café 😏",
    "{f} ¿compartimos uno después del gym?",
    "{f} ¿cuál pediste la última vez?",
    "{f} ¿estás libre el jueves después del curro?",
  ],
  crowd: [
    "¿quién más vuela este finde? 🙋",
    "¿alguien ha probado ya el de pistacho?",
    "que levante la mano quien viene desde la primera tienda 🙋‍♀️",
    "¿vosotros lo tomáis con azúcar o sin?",
  ],
  idiom: [
    "no voy a mentir, el rollo de canela está de locos",
    "ni loca vuelvo a mi antiguo banco",
    "no puedo dejar de pedir el moca helado {e}",
    "nada como las vistas desde la ventanilla",
    "nunca falla ☕",
  ],
  scam: [
    "Hola, somos el soporte oficial. Envíanos por privado el número de tarjeta y el CVV para desbloquear tu cuenta",
    "tu paquete está retenido en aduanas, paga la tasa aquí {url}",
    "gana 300 € al día desde el móvil, sin experiencia 💸 link en bio",
    "¡Eres nuestro ganador! Solo paga el envío del premio {url}",
  ],
  mix: [
    "Q|hola, mi refund still not here, ¿lo pueden checar?",
    "H|qué vibes tan buenas, love it 😍",
    "Q|oye, la app me da error otra vez, what do I do?",
  ],
};

export const it: MorePhrases = {
  sarcasm: [
    "adoro la vostra app: si blocca proprio quando pago. geniale 🙃",
    "spedizione express, siamo al nono giorno. molto express",
    "grazie per la commissione a sorpresa, proprio quello che volevo",
    "addebitato due volte un panino, che generoso sono 👏",
    "terzo pagamento rifiutato questa settimana, continuate così",
  ],
  polite: [
    "Buongiorno, ho reso la giacca il 3 e il rimborso non mi è ancora arrivato, potreste controllare?",
    "Salve, l'ordine {id} risulta 'in transito' da martedì scorso",
    "Buonasera, il codice sconto della vostra email non viene accettato al pagamento",
    "Buongiorno, ho pagato un bagaglio extra ma non compare sulla carta d'imbarco",
  ],
  wish: [
    "ancora due notti e sono a Lisbona ✈️",
    "valigia pronta, Sardegna arrivo 🌞",
    "l'estate prossima Giappone, me lo sono promesso",
    "sogno un posto finestrino sopra le nuvole",
    "che questo venerdì non finisca mai {e}",
  ],
  metoo: ["letteralmente io 😂", "+1", "ahaha identico", "stessa storia"],
  between: [
    "{f} lo prendiamo per il compleanno della mamma?",
    "{f} tra l'altro mi devi ancora un caffè 😏",
    "{f} ne dividiamo uno dopo la palestra?",
    "{f} quale avevi preso l'ultima volta?",
    "{f} sei libera giovedì dopo il lavoro?",
  ],
  crowd: [
    "chi altro parte questo weekend? 🙋",
    "qualcuno ha già provato quello al pistacchio?",
    "alzi la mano chi viene qui dal primo negozio 🙋‍♀️",
    "voi lo prendete con o senza zucchero?",
  ],
  idiom: [
    "non vi mento, il rotolo alla cannella è la fine del mondo",
    "neanche morta torno alla mia vecchia banca",
    "non riesco a smettere di ordinare il moka freddo {e}",
    "niente batte la vista dal finestrino",
    "non delude mai ☕",
  ],
  scam: [
    "Salve, siamo l'assistenza ufficiale. Inviateci in privato numero di carta e CVV per sbloccare il conto",
    "il tuo pacco è fermo in dogana, paga la tassa qui {url}",
    "guadagna 300 € al giorno dal telefono, senza esperienza 💸 link in bio",
    "Sei il nostro vincitore! Paga solo la spedizione del premio {url}",
  ],
  mix: [
    "Q|ciao, il mio refund non è ancora arrivato, can you check?",
    "H|troppo good vibes, love it 😍",
    "Q|salve, l'app mi dà error di nuovo, what should I do?",
  ],
};

export const pt: MorePhrases = {
  sarcasm: [
    "amo o app de vocês: trava bem na hora de pagar. genial 🙃",
    "entrega expressa, nono dia já. muito expressa",
    "obrigada pela taxa surpresa, era tudo que eu queria",
    "cobraram duas vezes um sanduíche, que generosa eu sou 👏",
    "terceiro pagamento recusado na semana, parabéns, continuem assim",
  ],
  polite: [
    "Olá, devolvi a jaqueta dia 3 e o dinheiro ainda não voltou, podem verificar?",
    "Bom dia, o pedido {id} está 'em trânsito' desde terça passada",
    "Oi, o cupom do e-mail de vocês não é aceito no pagamento",
    "Boa tarde, paguei bagagem extra mas ela não aparece no cartão de embarque",
  ],
  wish: [
    "mais duas noites e tô em Lisboa ✈️",
    "mala pronta, Floripa me espera 🌞",
    "ano que vem Japão, prometi pra mim mesma",
    "sonhando com uma janelinha acima das nuvens",
    "que essa sexta nunca acabe {e}",
  ],
  metoo: ["literalmente eu 😂", "+1", "kkkkk real", "mesma coisa"],
  between: [
    "{f} vamos dar esse pra mãe no aniversário?",
    "{f} aliás, cê ainda me deve um café 😏",
    "{f} divide um comigo depois da academia?",
    "{f} qual você pegou da última vez?",
    "{f} tá livre quinta depois do trampo?",
  ],
  crowd: [
    "quem mais vai viajar esse fim de semana? 🙋",
    "alguém já provou o de pistache?",
    "levanta a mão quem vem aqui desde a primeira loja 🙋‍♀️",
    "vocês tomam com ou sem açúcar?",
  ],
  idiom: [
    "não vou mentir, o rolinho de canela é surreal",
    "nem morta volto pro meu banco antigo",
    "não consigo parar de pedir o moca gelado {e}",
    "nada supera a vista da janelinha",
    "nunca decepciona ☕",
  ],
  scam: [
    "Olá, aqui é o suporte oficial. Mande no privado o número do cartão e o CVV para desbloquear sua conta",
    "sua encomenda está retida na alfândega, pague a taxa aqui {url}",
    "ganhe R$300 por dia pelo celular, sem experiência 💸 link na bio",
    "Você é nosso ganhador! Pague só o frete do prêmio {url}",
  ],
  mix: [
    "Q|oi, meu refund ainda não caiu, can you check?",
    "H|muita good vibe, love it 😍",
    "Q|olá, o app tá dando error de novo, what do I do?",
  ],
};

export const nl: MorePhrases = {
  sarcasm: [
    "ik ben dol op jullie app: crasht precies bij het betalen. geniaal 🙃",
    "expreslevering, inmiddels dag 9. heel expres",
    "bedankt voor de verrassingskosten, precies wat ik wilde",
    "twee keer afgeschreven voor één broodje, wat gul van mij 👏",
    "derde geweigerde betaling deze week, ga zo door",
  ],
  polite: [
    "Hallo, ik heb de jas op de 3e teruggestuurd en het geld is nog niet binnen, kunnen jullie kijken?",
    "Goedemiddag, bestelling {id} staat sinds vorige dinsdag op 'onderweg'",
    "Hoi, de kortingscode uit jullie mail wordt niet geaccepteerd bij het afrekenen",
    "Goedenavond, ik heb extra bagage betaald maar het staat niet op mijn instapkaart",
  ],
  wish: [
    "nog twee nachtjes slapen en ik ben in Lissabon ✈️",
    "koffer ingepakt, Kreta, ik kom eraan 🌞",
    "volgende zomer Japan, dat heb ik mezelf beloofd",
    "droom van een raamplekje boven de wolken",
    "laat deze vrijdag nooit eindigen {e}",
  ],
  metoo: ["letterlijk ik 😂", "+1", "haha herkenbaar", "zelfde verhaal"],
  between: [
    "{f} zullen we dit voor mama's verjaardag halen?",
    "{f} je bent me trouwens nog een koffie schuldig 😏",
    "{f} delen we er eentje na de sportschool?",
    "{f} welke had jij vorige keer?",
    "{f} kun je donderdag na het werk?",
  ],
  crowd: [
    "wie vliegt er nog meer dit weekend? 🙋",
    "heeft iemand die met pistache al geprobeerd?",
    "handen omhoog wie hier al sinds de eerste winkel komt 🙋‍♀️",
    "drinken jullie hem met of zonder suiker?",
  ],
  idiom: [
    "ik ga niet liegen, die kaneelbroodjes zijn niet normaal",
    "voor geen goud ga ik terug naar mijn oude bank",
    "ik kan niet stoppen met ijsmokka bestellen {e}",
    "er gaat niets boven het uitzicht uit het raampje",
    "stelt nooit teleur ☕",
  ],
  scam: [
    "Hallo, dit is de officiële klantenservice. Stuur ons je kaartnummer en CVV via DM om je account te deblokkeren",
    "je pakket wordt vastgehouden bij de douane, betaal de kosten hier {url}",
    "verdien 300 euro per dag met je telefoon, geen ervaring nodig 💸 link in bio",
    "Jij bent onze winnaar! Betaal alleen de verzendkosten {url}",
  ],
  mix: [
    "Q|hoi, mijn refund is er nog steeds niet, can you check?",
    "H|echt goede vibes, love it 😍",
    "Q|hallo, de app geeft weer een error, what should I do?",
  ],
};

export const pl: MorePhrases = {
  sarcasm: [
    "uwielbiam waszą aplikację: wywala się dokładnie przy płaceniu. genialne 🙃",
    "dostawa ekspresowa, dziewiąty dzień. bardzo ekspresowa",
    "dzięki za opłatę-niespodziankę, właśnie o tym marzyłam",
    "pobraliście dwa razy za jedną kanapkę, jaka ja hojna 👏",
    "trzecia odrzucona płatność w tym tygodniu, tak trzymać",
  ],
  polite: [
    "Dzień dobry, odesłałam kurtkę 3-go i pieniądze jeszcze nie wróciły, możecie sprawdzić?",
    "Dzień dobry, zamówienie {id} ma status 'w drodze' od zeszłego wtorku",
    "Cześć, kod rabatowy z waszego maila nie działa przy płatności",
    "Dobry wieczór, zapłaciłem za dodatkowy bagaż, ale nie ma go na karcie pokładowej",
  ],
  wish: [
    "jeszcze dwie noce i jestem w Lizbonie ✈️",
    "walizka spakowana, Chorwacjo, nadchodzę 🌞",
    "następnego lata Japonia, obiecałam sobie",
    "marzę o miejscu przy oknie nad chmurami",
    "niech ten piątek nigdy się nie kończy {e}",
  ],
  metoo: ["dosłownie ja 😂", "+1", "hahah znam to", "ta sama historia"],
  between: [
    "{f} kupimy to mamie na urodziny?",
    "{f} w ogóle to wisisz mi kawę 😏",
    "{f} podzielimy się jednym po siłowni?",
    "{f} który brałaś ostatnio?",
    "{f} masz czas w czwartek po pracy?",
  ],
  crowd: [
    "kto jeszcze leci w ten weekend? 🙋",
    "ktoś już próbował tego pistacjowego?",
    "ręka w górę, kto przychodzi tu od pierwszej kawiarni 🙋‍♀️",
    "pijecie z cukrem czy bez?",
  ],
  idiom: [
    "nie będę kłamać, cynamonka jest obłędna",
    "za nic nie wrócę do mojego starego banku",
    "nie mogę przestać zamawiać mrożonej mokki {e}",
    "nic nie przebije widoku z okienka samolotu",
    "nigdy nie zawodzi ☕",
  ],
  scam: [
    "Dzień dobry, tu oficjalne wsparcie. Wyślij nam na priv numer karty i CVV, aby odblokować konto",
    "twoja paczka jest zatrzymana w urzędzie celnym, opłać cło tutaj {url}",
    "zarabiaj 300 zł dziennie z telefonu, bez doświadczenia 💸 link w bio",
    "Jesteś naszym zwycięzcą! Zapłać tylko za wysyłkę nagrody {url}",
  ],
  mix: [
    "Q|cześć, mój refund dalej nie przyszedł, can you check?",
    "H|mega good vibes, love it 😍",
    "Q|dzień dobry, apka znowu pokazuje error, what should I do?",
  ],
};

export const tr: MorePhrases = {
  sarcasm: [
    "uygulamanıza bayılıyorum: tam ödeme yaparken çöküyor. dahiyane 🙃",
    "ekspres teslimat, dokuzuncu gün. çok ekspres",
    "sürpriz ücret için teşekkürler, tam da istediğim şey",
    "bir sandviç için iki kez çektiniz, ne kadar cömertim 👏",
    "bu hafta üçüncü kez kartım reddedildi, böyle devam",
  ],
  polite: [
    "Merhaba, ceketi ayın 3'ünde iade ettim ama para hâlâ hesabıma geçmedi, bakabilir misiniz?",
    "İyi günler, {id} numaralı sipariş geçen salıdan beri 'yolda' görünüyor",
    "Merhaba, e-postanızdaki indirim kodu ödemede kabul edilmiyor",
    "İyi akşamlar, ekstra bagaj ücreti ödedim ama biniş kartımda görünmüyor",
  ],
  wish: [
    "iki gece daha ve Lizbon'dayım ✈️",
    "bavul hazır, Bodrum geliyorum 🌞",
    "seneye Japonya, kendime söz verdim",
    "bulutların üstünde cam kenarı bir koltuk hayal ediyorum",
    "bu cuma hiç bitmesin {e}",
  ],
  metoo: ["resmen ben 😂", "+1", "ahaha aynen", "aynı hikaye"],
  between: [
    "{f} bunu annemin doğum gününe alalım mı?",
    "{f} bu arada bana hâlâ bir kahve borçlusun 😏",
    "{f} spordan sonra bir tane bölüşelim mi?",
    "{f} geçen sefer hangisini almıştın?",
    "{f} perşembe işten sonra müsait misin?",
  ],
  crowd: [
    "bu hafta sonu başka uçan var mı? 🙋",
    "fıstıklıyı deneyen oldu mu?",
    "ilk dükkândan beri buraya gelenler el kaldırsın 🙋‍♀️",
    "siz şekerli mi içiyorsunuz şekersiz mi?",
  ],
  idiom: [
    "yalan yok, tarçınlı çörek efsane",
    "ölsem eski bankama geri dönmem",
    "buzlu mokayı sipariş etmeden duramıyorum {e}",
    "uçak penceresinden manzara gibisi yok",
    "asla hayal kırıklığına uğratmıyor ☕",
  ],
  scam: [
    "Merhaba, biz resmi destek ekibiyiz. Hesabınızın kilidini açmak için kart numaranızı ve CVV'yi DM'den gönderin",
    "kargonuz gümrükte bekliyor, ücreti buradan ödeyin {url}",
    "telefonundan günde 1000 TL kazan, deneyim gerekmez 💸 link bio'da",
    "Kazanan sizsiniz! Sadece ödülün kargo ücretini ödeyin {url}",
  ],
  mix: [
    "Q|merhaba, refund'um hâlâ gelmedi, can you check?",
    "H|çok iyi vibe, love it 😍",
    "Q|selam, uygulama yine error veriyor, what should I do?",
  ],
};
