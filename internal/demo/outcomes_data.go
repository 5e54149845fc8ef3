package demo

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"

	"golang.org/x/image/draw"

	"symposium"
	"symposium/internal/store"
)

// keyMessages are the minutes of the two addresses, with their key
// messages marked, in the four languages.
var keyMessages = []symposium.LocalizedText{
	T("Xing Fangfang opened the symposium.\n! Science has no borders and benefits all mankind.\n! China is ready to deepen scientific and technological cooperation with Kazakhstan.",
		"邢芳芳致开幕辞。\n! 科学无国界，惠及全人类。\n! 中方愿同哈方深化科技合作。",
		"Син Фанфан симпозиумды ашты.\n! Ғылымның шекарасы жоқ, ол бүкіл адамзатқа игілік әкеледі.\n! Қытай Қазақстанмен ғылыми-техникалық ынтымақтастықты тереңдетуге дайын.",
		"Син Фанфан открыла симпозиум.\n! У науки нет границ, она служит всему человечеству.\n! Китай готов углублять научно-техническое сотрудничество с Казахстаном."),
	T("Gulnar Shaimergenova spoke on science in people's lives.\n! Joint research centers should turn dialogue into projects.\n! Young scientists of both countries need exchange programmes.",
		"古丽娜尔·沙伊梅尔格诺娃谈科学与人民生活。\n! 联合研究中心应把对话转化为项目。\n! 两国青年科学家需要交流项目。",
		"Гүлнар Шаймергенова ғылымның адамдар өміріндегі рөлі туралы сөйледі.\n! Бірлескен зерттеу орталықтары диалогты жобаларға айналдыруы керек.\n! Екі елдің жас ғалымдарына алмасу бағдарламалары қажет.",
		"Гульнар Шаймергенова говорила о науке в жизни людей.\n! Совместные исследовательские центры должны превращать диалог в проекты.\n! Молодым учёным обеих стран нужны программы обмена."),
}

// createMinutes publishes the minutes of the two addresses.
func createMinutes(ctx context.Context, s *store.Store, e *symposium.Event, list []symposium.Contribution) error {
	for i, c := range list[:2] {
		m := &symposium.Minutes{EventID: e.ID, ContributionID: c.ID, Body: keyMessages[i], Status: symposium.MinutesPublished, UpdatedByName: "KazEvent"}
		var p symposium.Problems
		m.Validate(&p, e)
		if err := p.Err(); err != nil {
			return fmt.Errorf("demo: minutes: %w", err)
		}
		if err := s.SaveMinutes(ctx, m, 0, symposium.Errorf(symposium.ECONFLICT, "error.minutes_changed")); err != nil {
			return fmt.Errorf("demo: minutes: %w", err)
		}
	}
	return nil
}

// createPhotos stores two photos drawn in code, credited to KazEvent: the
// opening address with its speaker tagged, and the hall.
func createPhotos(ctx context.Context, s *store.Store, e *symposium.Event, list []symposium.Contribution, people map[string]*symposium.Person) error {
	photos := []struct {
		ph    *symposium.EventPhoto
		color color.RGBA
	}{
		{&symposium.EventPhoto{ContributionID: list[0].ID, PersonIDs: []string{people["xing"].ID}, InReport: true,
			Caption: T("The opening address", "开幕致辞", "Ашылу сөзі", "Приветственное слово")}, color.RGBA{180, 40, 40, 255}},
		{&symposium.EventPhoto{ContributionID: list[2].ID, PersonIDs: []string{}, InReport: true,
			Caption: T("The panel on international cooperation", "国际合作专题讨论", "Халықаралық ынтымақтастық туралы панель", "Панель о международном сотрудничестве")}, color.RGBA{20, 90, 170, 255}},
	}
	for _, p := range photos {
		p.ph.EventID, p.ph.Credit, p.ph.Licence = e.ID, "KazEvent", "CC BY 4.0"
		sizes, err := picture(p.color)
		if err != nil {
			return err
		}
		if err := s.CreateEventPhoto(ctx, p.ph, sizes, ""); err != nil {
			return fmt.Errorf("demo: photo: %w", err)
		}
	}
	return nil
}

// picture draws a stage with a lectern in the colour given, at 800 and
// 320 pixels wide.
func picture(c color.RGBA) ([]store.PhotoSize, error) {
	img := image.NewRGBA(image.Rect(0, 0, 800, 500))
	draw.Draw(img, img.Bounds(), &image.Uniform{color.RGBA{235, 230, 220, 255}}, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 330, 800, 500), &image.Uniform{color.RGBA{90, 70, 60, 255}}, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(120, 60, 680, 260), &image.Uniform{c}, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(360, 250, 440, 400), &image.Uniform{color.RGBA{60, 50, 40, 255}}, image.Point{}, draw.Src)
	var out []store.PhotoSize
	for _, w := range []int{800, 320} {
		h := 500 * w / 800
		dst := image.NewRGBA(image.Rect(0, 0, w, h))
		draw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 80}); err != nil {
			return nil, fmt.Errorf("demo: photo: %w", err)
		}
		out = append(out, store.PhotoSize{Width: w, Height: h, Data: buf.Bytes()})
	}
	return out, nil
}

// createAgreements records the memorandum signed between the research
// center and the embassy, and two follow-ups.
func createAgreements(ctx context.Context, s *store.Store, e *symposium.Event, orgs map[string]*symposium.Organization, people map[string]*symposium.Person) error {
	list := []*symposium.Agreement{
		{Kind: symposium.AgreementMoU, Status: symposium.AgreementSigned,
			Title: T("Memorandum of understanding on scientific and technological cooperation", "科技合作谅解备忘录",
				"Ғылыми-техникалық ынтымақтастық туралы өзара түсіністік меморандумы", "Меморандум о взаимопонимании в области научно-технического сотрудничества"),
			OrganizationIDs: []string{orgs["center"].ID, orgs["embassy"].ID}, PersonIDs: []string{people["shaimergenova"].ID, people["xing"].ID}},
		{Kind: symposium.AgreementFollowUp, Status: symposium.AgreementInProgress, Due: "2024-09-30",
			Title: T("Exchange programme for young scientists", "青年科学家交流项目",
				"Жас ғалымдарға арналған алмасу бағдарламасы", "Программа обмена для молодых учёных"),
			OrganizationIDs: []string{orgs["center"].ID}, PersonIDs: []string{people["shaimergenova"].ID}},
		{Kind: symposium.AgreementFollowUp, Status: symposium.AgreementProposed, Due: "2025-05-22",
			Title:           T("Second symposium in 2025", "2025年第二届研讨会", "2025 жылғы екінші симпозиум", "Второй симпозиум в 2025 году"),
			OrganizationIDs: []string{orgs["center"].ID, orgs["kazevent"].ID}, PersonIDs: []string{}},
	}
	for _, a := range list {
		a.EventID, a.OwnerIDs = e.ID, []string{}
		var p symposium.Problems
		a.Validate(&p)
		if err := p.Err(); err != nil {
			return fmt.Errorf("demo: agreement: %w", err)
		}
		if err := s.SaveAgreement(ctx, a); err != nil {
			return fmt.Errorf("demo: agreement: %w", err)
		}
	}
	return nil
}
