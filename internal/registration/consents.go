package registration

import "symposium"

// consentWords returns, by kind of consent, the words the registration
// form and manage page show for the consents they ask, in lang: they go
// with each answer into the log of consents.
func (s *Service) consentWords(lang string) map[string]string {
	l := s.i18n.For(lang)
	return map[string]string{
		symposium.ConsentParticipantList: l.T("register.listed"),
		symposium.ConsentPhotos:          l.T("consent.question") + " " + l.T("consent.at_registration"),
	}
}
