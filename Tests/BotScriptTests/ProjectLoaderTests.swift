import BotScript
import ConformJSON
import Testing

@Suite struct ProjectLoaderTests {
    @Test func requiresLoadInOrderAndStartupScriptsFollowIt() throws {
        let project = try Fixtures.load("support-desk")
        #expect(project.errors.isEmpty, "\(project.errors)")
        #expect(project.files == [
            "src/main.sc", "src/flows/tickets.sc", "src/flows/smalltalk.sc", "src/js/util.js", "src/data/faq.yaml",
            "src/data/products.csv",
        ])
        #expect(project.startupScripts.map(\.kind) == [.file, .initBlock])
        #expect(project.startupScripts[0].location == SourceLocation(file: "src/js/util.js", line: 1))
        #expect(project.startupScripts[1].location == SourceLocation(file: "src/main.sc", line: 16))
        #expect(project.startupScripts[1].code.hasPrefix("bind(\"postProcess\""))
    }

    @Test func dataFilesAreBoundToTheirVariables() throws {
        let project = try Fixtures.load("support-desk")
        #expect(project.dataBindings.map(\.variable) == ["Faq"])
        #expect(project.dataBindings.first?.value == ["hours": "9-18", "phones": ["+7 000 000-00-00"]])
        #expect(project.dictionaries.map(\.name) == ["Products"])
        #expect(project.dictionaries.map(\.variable) == ["$Products"])
        #expect(project.dictionaries.first?.text.hasPrefix("1;телефон") == true)
    }

    @Test func chatbotYamlKeepsUnknownKeysAndReadsTheKnownOnes() throws {
        let config = try Fixtures.load("support-desk").config
        #expect(config.raw["customSetting"] == "kept")
        #expect(config.injector == ["department": "second-line", "hours": ["from": 9, "to": 18]])
        #expect(config.testsInclude == ["*.xml"])
        #expect(config.testsExclude == ["drafts/*.xml"])
        #expect(config.language == "ru")
        #expect(config.lengthLimit == ChatbotConfig.LengthLimit(enabled: true, symbols: 300, words: 50))
    }

    @Test func es6ModuleIsAStartupScriptWithItsName() throws {
        let project = try Fixtures.load("pizza")
        #expect(project.startupScripts.map(\.kind) == [.es6Module(name: "prices")])
    }

    @Test func missingEntryPointOrConfigAreClearFailures() throws {
        #expect(throws: ProjectLoader.Failure.notAProject(path: "/definitely/not/here")) {
            try ProjectLoader().load(at: "/definitely/not/here")
        }
        let noEntry = try TemporaryProject(["chatbot.yaml": "name: x\n"])
        #expect(throws: ProjectLoader.Failure.invalidConfig(path: "chatbot.yaml", reason: ChatbotConfig.Problem.missingEntryPoint.description)) {
            try noEntry.load()
        }
        let broken = try TemporaryProject(["chatbot.yaml": "name: [unclosed\nentryPoint: main.sc\n"])
        do {
            _ = try broken.load()
            Issue.record("expected a failure")
        } catch {
            guard case .invalidConfig(let path, let reason)? = error as? ProjectLoader.Failure else { Issue.record("\(error)"); return }
            #expect(path == "chatbot.yaml")
            #expect(reason.hasPrefix("line "))
        }
    }

    @Test func missingRequiredFileNamesTheRequireLine() throws {
        let project = try TemporaryProject(main: "require: nothing.sc\ntheme: /\n    state: A\n        a: x\n").load()
        #expect(project.errors.map(\.description) == [
            "src/main.sc:1:1: error: required file src/nothing.sc does not exist (paths are relative to the requiring file, or to src/ when they start with /)",
        ])
        #expect(project.states.keys.contains("/A"))
    }

    @Test func anInjectorGivenWithARequireJoinsInjectorUnderChatbotYamlsOwn() throws {
        let project = try TemporaryProject(main: """
            require: lib.sc
                injector = {
                    startState: "/Welcome",
                    timeoutMin: 10, shared: 'from require'
                    }
            require: other.sc
                injector = {timeoutMin: 20}
            require: broken.sc
                injector = [1, 2]
            """, files: [
                "chatbot.yaml": "name: t\nentryPoint: main.sc\ninjector:\n  shared: from yaml\n",
                "src/lib.sc": "theme: /\n    state: A\n        a: a\n",
                "src/other.sc": "theme: /\n    state: B\n        a: b\n",
                "src/broken.sc": "theme: /\n    state: C\n        a: c\n",
            ]).load()
        #expect(project.config.injector == ["startState": "/Welcome", "timeoutMin": 20, "shared": "from yaml"])
        #expect(project.errors.map(\.description) == [
            "src/main.sc:8:1: error: `injector =` must be an object like {key: value}, found array",
        ])
    }

    @Test func requireCycleIsReportedAndEachFileLoadedOnce() throws {
        let project = try TemporaryProject(main: "require: a.sc\n", files: [
            "src/a.sc": "require: b.sc\ntheme: /\n    state: A\n        a: a\n",
            "src/b.sc": "require: a.sc\nrequire: /a.sc\ntheme: /\n    state: B\n        a: b\n",
        ]).load()
        #expect(project.files == ["src/main.sc", "src/a.sc", "src/b.sc"])
        #expect(project.warnings.map(\.description) == [
            "src/b.sc:1:1: warning: require cycle: src/a.sc → src/b.sc → src/a.sc; the repeated require is skipped (remove one of these requires)",
            "src/b.sc:2:1: warning: require cycle: src/a.sc → src/b.sc → src/a.sc; the repeated require is skipped (remove one of these requires)",
        ])
        #expect(Array(project.states.keys) == ["/B", "/A"])
    }

    @Test func platformModuleNeedsAMappingAndThenLoadsFromIt() throws {
        let module = try TemporaryProject([
            "src/common.sc": "require: lib.sc\npatterns:\n    $yes = да\n",
            "src/lib.sc": "theme: /\n    state: Lib\n        a: lib\n",
        ])
        let project = try TemporaryProject(main: "require: common.sc\n    module = sys.zb-common\n")
        let unmapped = try project.load()
        #expect(unmapped.errors.map(\.description) == [
            "src/main.sc:1:1: error: this project requires the platform module sys.zb-common, which JAICP provides and conform does not have offline (map it to a local copy: --bot-module sys.zb-common=PATH)",
        ])
        let mapped = try project.load(modules: ["sys.zb-common": module.root.path])
        #expect(mapped.errors.isEmpty, "\(mapped.errors)")
        #expect(mapped.files == ["src/main.sc", "sys.zb-common:common.sc", "sys.zb-common:lib.sc"])
        #expect(mapped.patterns.map(\.name) == ["yes"])
    }

    @Test func requireCannotLeaveTheProjectFolder() throws {
        let project = try TemporaryProject(main: "require: ../../../../../../etc/hosts.js\n").load()
        #expect(project.errors.map(\.message) == ["require of ../../../../../../etc/hosts.js points outside the project folder"])
        #expect(project.startupScripts.isEmpty)
    }

    @Test func yamlWithARepeatedKeyKeepsTheLastValueAsJAICPDoes() throws {
        let yaml = """
            greeting:
              text: old
            other:
              text: kept
            greeting:
              text: new
            """
        #expect(try YAMLConversion.parse(yaml) == ["other": ["text": "kept"], "greeting": ["text": "new"]])
    }

    @Test func dataFileWithoutVariableIsAnError() throws {
        let project = try TemporaryProject(main: "require: data.yaml\n", files: ["src/data.yaml": "a: 1\n"]).load()
        #expect(project.errors.map(\.message) == ["a required data file needs a variable to bind it to"])
    }

    @Test func entryPointMayBeAList() throws {
        let project = try TemporaryProject([
            "chatbot.yaml": "entryPoint:\n  - one.sc\n  - two.sc\n",
            "src/one.sc": "theme: /\n    state: One\n        a: 1\n",
            "src/two.sc": "theme: /\n    state: Two\n        a: 2\n",
        ]).load()
        #expect(Array(project.states.keys) == ["/One", "/Two"])
    }
}
