# The shipped demo: a small shop assistant on Webim.
require: patterns.sc
require: orders.sc
require: js/helpers.js

init:
    bind("preProcess", function($context) {
        // A new conversation: greet once, whatever the first request was.
        if (!$context.session.greeted) {
            $context.session.greeted = true;
            $context.session.turns = 0;
        }
        $context.session.turns += 1;
    });

theme: /

    # Webim opens a chat without pre-chat messages: remember where the visitor came from.
    state: ConversationStart || noContext = true
        event!: newChatStarted
        script:
            var raw = $request.rawRequest || {};
            $session.startPage = raw.location ? raw.location.address : null;
            $session.visitorName = raw.visitor && raw.visitor.fields ? raw.visitor.fields.name : null;
        a: Hello{{ $session.visitorName ? ", " + $session.visitorName : "" }}! I am the shop assistant.
        go!: /Menu

    state: Start
        q!: $regex</start>
        q!: * $hello *
        a: Hello! I am the shop assistant.
        go!: /Menu

    state: Menu
        a: What can I help you with?
        buttons:
            "Track an order" -> /Orders/AskNumber
            "Delivery" -> /Delivery
            "Talk to a person" -> /Operator

    state: Delivery
        q!: * (delivery|shipping|deliver*) *
        random:
            a: We deliver across the country in 2-5 days.
            a: Delivery takes 2 to 5 days anywhere in the country.
        a: Anything else?

    state: Operator
        q!: * ($operator|person|human) *
        script:
            $reactions.transferToOperator({
                message: "Connecting you to an agent.",
                destination: $injector.operatorDepartment
            });
        a: Connecting you to an agent.

    # A visitor's file reaches the script as event fileEvent; eventData is the list of files.
    state: File
        event!: fileEvent
        a: Thank you, I received {{ $request.data.eventData[0].name }}. An agent will look at it.

    state: Bye
        q!: * $bye *
        a: Goodbye!
        script:
            $response.actions = [{type: "close_chat", category: "demo", sub_category: "bye"}];

    state: NoMatch
        event!: noMatch
        if: $session.misses >= 1
            a: Let me connect you to a person.
            go!: /Operator
        else:
            script: $session.misses = ($session.misses || 0) + 1;
            a: Sorry, I did not understand. You can ask about an order or delivery.
