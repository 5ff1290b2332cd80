import type { LanguagePack } from "./types";

export const tr: LanguagePack = {
  language: "tr",
  airline: {
    requests: [
      "Merhaba, uygulamada {flight} uçuşum için “tarife değişikliği” yazıyor. Yeni kalkış saati ne?",
      "Economy Light biletinde kaç kg bagaj hakkım var? {date} tarihinde uçuyoruz",
      "Kedimi kabine alabilir miyim? Çantasıyla yaklaşık 6 kg, uçuş {flight}",
      "-|{flight} uçuşundan sonra valizim gelmedi. Tutanak tuttum ({code}), arama genelde ne kadar sürüyor?",
      "Rezervasyonda ({code}) tarihi yanlış seçmişim. Fiyat farkının tamamını ödemeden değiştirebilir miyim?",
      "-|İptal edilen {date} uçuşu için {amount} € iadeyi 6 haftadır bekliyorum. Kiminle görüşmeliyim?",
      "Online check-in “yolcu bilgileri eksik” hatası veriyor, rezervasyon {code}. Ne yapmalıyım?",
      "{flight} rötarlı mı? Ekranda bir şey yok, kapıda kimse yok",
    ],
    complaints: [
      "Pistte 3 saat bekledik ve {brand}'dan kimse HİÇBİR açıklama yapmadı. Uçuş {flight}. Rezalet.",
      "{flight} kalkıştan 2 saat önce iptal, otel yok, yemek kuponu yok, hiçbir şey yok. Avukatım sizinle iletişime geçecek.",
      "Bu yıl ikinci kez valizimi kaybettiniz. {brand}, tebrikler 🙃 Dosya no {code}",
      "“7 gün içinde iade” dediniz. 3 ay oldu. Tüketici hakem heyetine ve basına gidiyorum.",
    ],
    noise: [
      "+|Hayatımın en yumuşak inişi {flight} uçuşundaydı, kaptana tebrikler! ✈️",
      "{friend} seneye yaz {city}?? 🏝️",
      "+|{flight} ekibi harikaydı, çok teşekkürler!!",
    ],
    dm: [
      "Merhaba, yorumumla ilgili: rezervasyon {code}, {date} tarihli {flight} uçuşu.",
      "Bilgileri gönderiyorum: {code}. Uçuşum {time}'da, lütfen hemen bakın",
    ],
    answers: [
      "Merhaba {name}, mesajın için teşekkürler! {flight} şu an saat {time}'da kalkacak şekilde planlı. İyi uçuşlar! ^{agent}",
      "Merhaba {name}, ek bagajı kalkıştan 3 saat öncesine kadar “Seyahatlerim” bölümünden ekleyebilirsin, havalimanından daha uygun. ^{agent}",
      "Merhaba {name}, yaşadığın sorun için üzgünüz. Bagaj ekibimiz valizini arıyor, 48 saat içinde e-posta ile bilgi alacaksın. ^{agent}",
    ],
    dmAsk: [
      "Merhaba {name}, bunu duyduğumuza çok üzüldük. Rezervasyon kodunu bize DM ile gönderir misin? Hemen bakalım. ^{agent}",
      "{name}, özür dileriz. Kişisel bilgilerini burada paylaşma, rezervasyon numaranla bize özelden yaz. ^{agent}",
    ],
    dmOpen: [
      "Merhaba {name}, ben {brand}'dan {agent}, yorumunla ilgili yazıyorum. Rezervasyon kodunu paylaşabilir misin?",
    ],
    dmAnswers: [
      "Teşekkürler {name}. {code} rezervasyonunu bulduk: {amount} € iade talebi oluşturuldu, 7 iş günü içinde hesabında olur. ^{agent}",
      "Teşekkürler! Valizin bulundu, yarın 9-14 arası adresine teslim edilecek. ^{agent}",
    ],
  },
  requests: [
    "-|{brand} uygulaması profilimi açınca kapanıyor. Silip tekrar yükledim, olmadı",
    "Giriş yapamıyorum, şifre sıfırlama e-postası hiç gelmiyor",
  ],
  noise: [
    "+|Sizi seviyorum ❤️",
    "{friend} baksana!! 😍",
    "{friend} {friend2} bunu yapmamız lazım",
    "ilk 🙌",
    "Evden haftada 5.000 € kazan! Hemen tıkla {url} 💰",
    "+|Herkese iyi hafta sonları! ☀️",
    "ahahah {friend}",
    "+|Harika hizmet, teşekkürler!",
  ],
  giveaway: ["{friend} {friend2} 🤞", "Katılıyorum! Takip ettim ve {friend}'i etiketledim 🙏", "+|Kazanmayı çok isterim! {friend}"],
  followUps: ["Bir gelişme var mı?", "-|Alo?? Hâlâ cevap bekliyorum", "-|Bir saat oldu. Kimse yok mu?"],
  thanks: ["+|Teşekkürler, çok işime yaradı!", "+|Süper, hızlı cevap için teşekkürler 🙏", "0|Tamam teşekkürler"],
  crowd: ["{friend} aynen haha", "katılıyorum 👆", "-|Maalesef bende de aynısı oldu", "😂😂"],
  replyThanks: ["Çok teşekkür ederiz, {name}! 💙 ^{agent}", "Bunu okumak çok güzel, {name}! Ekibe iletiyoruz 😊 ^{agent}"],
  automated: ["Mesajın için teşekkürler! Mesajını aldık, en kısa sürede dönüş yapacağız."],
  names: {
    first: ["Elif", "Mehmet", "Zeynep", "Mustafa", "Ayşe", "Emre", "Defne", "Burak", "Selin", "Can"],
    last: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan"],
  },
  slots: { city: ["Amsterdam", "İstanbul", "Antalya", "İzmir", "Barselona", "Paris", "Londra", "Roma"] },
};
