theme: /Tickets

    state: New
        q!: * (нов* заявк*|создать заявку) *
        intent!: /tickets/new
        a: Опишите проблему.

        state: Describe
            q: *
            script:
                $session.ticket = {text: $request.query, product: null};
            go!: ../../Product

    state: Product
        a: Какой продукт?
        buttons:
            "Телефон" -> ./Chosen
            "Ноутбук" -> ./Chosen
            "Другое"

        state: Chosen
            q: * $entity<Products> * || onlyThisState = true
            a: Записал продукт {{ $parseTree._Products }}.
            go!: /Tickets/Status

    state: Status
        q!: * статус * $ticketId *
        q: * статус * || fromState = "/Start"
        if: $parseTree._ticketId &&
            $parseTree._ticketId.length > 0
            a: Заявка {{ $parseTree._ticketId }} в работе.
        else:
            a: Назовите номер заявки.
