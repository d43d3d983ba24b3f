import ConformJSON

/// The JSON Schema of the recording format (JSON Schema 2020-12): the one source of truth used by the
/// loader and printed by `conform schema recording`. It grows beside RECORDING-FORMAT.md and keeps
/// accepting every recording the format's first schema accepted.
public enum RecordingSchema {
    public static let text = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "conform-recording-v1",
  "title": "conform recording, version 1",
  "description": "One Webim chat as the bot's webhook saw it. See RECORDING-FORMAT.md.",
  "type": "object",
  "required": [
    "format",
    "version",
    "turns"
  ],
  "properties": {
    "format": {
      "const": "conform-recording"
    },
    "version": {
      "const": 1
    },
    "name": {
      "type": "string"
    },
    "channel": {
      "type": "object",
      "properties": {
        "type": {
          "type": "string"
        },
        "dialect": {
          "type": "string"
        }
      }
    },
    "recordedAt": {
      "type": "string"
    },
    "source": {
      "type": "object",
      "properties": {
        "tool": {
          "type": "string"
        },
        "upstream": {
          "type": "string"
        },
        "bot": {
          "type": "string"
        }
      }
    },
    "environment": {
      "type": "object",
      "properties": {
        "timezone": {
          "type": "string"
        }
      }
    },
    "turns": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/turn"
      }
    },
    "history": {
      "description": "Reading the chat's history from Webim when the recording was made: when, how many messages, or why it failed",
      "type": "object",
      "properties": {
        "fetchedAt": {"type": "string"},
        "messages": {"type": "integer"},
        "error": {"type": "string"}
      }
    },
    "initial": {
      "type": "object",
      "properties": {
        "client": {
          "type": "object"
        },
        "session": {
          "type": "object"
        },
        "global": {
          "type": "object"
        }
      }
    }
  },
  "$defs": {
    "headers": {
      "type": "object",
      "additionalProperties": {
        "type": "string"
      }
    },
    "request": {
      "type": "object",
      "required": [
        "method",
        "path"
      ],
      "properties": {
        "method": {
          "type": "string"
        },
        "path": {
          "type": "string"
        },
        "headers": {
          "$ref": "#/$defs/headers"
        },
        "body": {}
      }
    },
    "response": {
      "type": "object",
      "required": [
        "status"
      ],
      "properties": {
        "status": {
          "type": "integer"
        },
        "headers": {
          "$ref": "#/$defs/headers"
        },
        "body": {}
      }
    },
    "exchange": {
      "type": "object",
      "required": [
        "request"
      ],
      "properties": {
        "at": {
          "type": "string"
        },
        "request": {
          "$ref": "#/$defs/request"
        },
        "response": {
          "$ref": "#/$defs/response"
        },
        "error": {
          "type": "string"
        },
        "source": {
          "description": "history: the bot's message as Webim's chat history shows it (replay compares kind, text and buttons)",
          "enum": ["history"]
        }
      }
    },
    "turn": {
      "type": "object",
      "required": [
        "webhook"
      ],
      "properties": {
        "at": {
          "type": "string"
        },
        "webhook": {
          "$ref": "#/$defs/exchange"
        },
        "calls": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/exchange"
          }
        },
        "expect": {
          "type": "object",
          "properties": {
            "state": {
              "type": "string"
            },
            "session": {
              "type": "object"
            },
            "client": {
              "type": "object"
            },
            "replies": {
              "type": "array",
              "items": {
                "type": "object"
              }
            }
          }
        },
        "random": {
          "type": "array",
          "items": {
            "type": "number"
          }
        },
        "nlu": {
          "type": "object",
          "properties": {
            "intent": {
              "type": "string"
            },
            "confidence": {
              "type": "number"
            }
          }
        },
        "http": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/exchange"
          }
        }
      }
    }
  }
}
"""#

    /// Parsed once per process (it was once per recording loaded); the text is a constant, so parsing
    /// cannot fail.
    public static let schema = JSONSchema((try? JSONParser.parse(text)) ?? [:])
}
