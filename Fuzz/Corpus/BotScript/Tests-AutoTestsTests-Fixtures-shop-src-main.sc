theme: /

    state: Start
        q!: $regex</start>
        a: Hello! I am the shop bot.
        buttons:
            "Catalogue" -> /Catalogue
        a: What would you like?

    state: Catalogue
        q!: * catalog* *
        a: We sell   tea
            and coffee.
        go!: /Menu

    state: Menu
        a: Anything else?

    state: Greeting
        q!: (hi|hello) *
        random:
            a: Hi there!
            a: Hello there!
            a: Greetings!

    state: Clock
        q!: what time *
        a: It is {{ $jsapi.dateForZone("Europe/Moscow", "yyyy-MM-dd HH:mm") }} in Moscow.

    state: WhoAmI
        q!: who am i
        a: You are {{ $client.name }} with {{ $session.cart }} items.

    state: Weather
        q!: weather
        script:
            var res = $http.get("https://api.example.com/weather?city=${city}", {query: {city: "New York"}});
            $temp.answer = res.isOk ? "It is " + res.data.temp + " degrees." : "The weather service is down.";
        a: {{ $temp.answer }}

    state: Order
        q!: order *
        script:
            var res = $http.post("https://api.example.com/orders", {body: {item: "tea", count: 2}});
            $temp.id = res.isOk ? res.data.id : "none";
        a: Order {{ $temp.id }} placed.

    state: Wait
        q!: wait
        a: I will wait.
        timeout: /TimedOut || interval = 5

    state: TimedOut
        a: You were silent since {{ $jsapi.dateForZone("UTC", "HH:mm:ss") }}.

    state: File
        event!: fileEvent
        a: Got {{ $request.data.eventData[0].url }}

    state: Sender
        q!: who sent this
        a: Sent by {{ $request.rawRequest.message.from }} via {{ $request.channelType }}.

    state: Ask
        q!: ask me
        a: Yes or no?

        state: Yes
            q: yes
            a: You said yes.

    state: Data
        q!: data
        script:
            $response.data = {total: 3, items: ["a", "b"]};
        a: Here is the data.

    state: Restart
        q!: restart
        script:
            $reactions.newSession({message: "/start"});

    state: Mail
        q!: mail me
        script:
            $mail.send({to: "shop@example.com", subject: "Order", content: "Two teas"});
        a: Mail sent.

    state: Broken
        q!: break
        script:
            noSuchFunction();

    state: NoMatch
        event!: noMatch
        a: Sorry, I did not get that.
