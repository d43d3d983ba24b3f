theme: /Smalltalk

	state: HowAreYou
		q!: * как дела *
		e!: как поживаешь
		a: Отлично, спасибо!
