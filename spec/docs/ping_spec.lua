describe("my tool", function()
  it("answers PING with PONG", function()
    sim.conditions.latency(10)

    -- The tool under test: a line-based TCP server.
    local server, err = renoise.Socket.create_server(8000)
    assert.is_nil(err)
    server:run {
      socket_message = function(client, message)
        if message == "PING\n" then client:send("PONG\n") end
      end,
    }

    -- A simulated phone on the network talks to it.
    local phone = sim.add_host("phone")
    local client = phone.Socket.create_client("192.168.1.10", 8000)
    client:send("PING\n")
    assert.are.equal("PONG", client:receive("*line", 500))
    assert.are.equal(40, sim.now()) -- connect + request + reply, in virtual ms

    print(sim.trace())
  end)
end)
