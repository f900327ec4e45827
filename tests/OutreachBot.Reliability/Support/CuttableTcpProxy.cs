using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace OutreachBot.Reliability.Support;

/// <summary>
/// A loopback TCP forwarder that can be cut (stops listening, drops every open connection) and restored on the same
/// port: a network outage between the bot and its storage, with the storage itself untouched.
/// </summary>
public sealed class CuttableTcpProxy(int targetPort) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<TcpClient, byte> connections = new();
    private TcpListener? listener;
    private CancellationTokenSource? running;
    private Task? accepting;

    public int Port { get; private set; }

    public void Open()
    {
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        running = new CancellationTokenSource();
        accepting = AcceptAsync(listener, running.Token);
    }

    public async Task CutAsync()
    {
        await (running?.CancelAsync() ?? Task.CompletedTask);
        listener?.Stop();
        foreach (var connection in connections.Keys)
        {
            // A forwarding task may be closing this connection at the same moment.
            try
            {
                if (connection.Client is { } socket)
                {
                    socket.LingerState = new LingerOption(true, 0);
                }
            }
            catch (Exception exception) when (exception is ObjectDisposedException or SocketException)
            {
            }

            connection.Dispose();
        }

        connections.Clear();
        if (accepting is not null)
        {
            await accepting;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CutAsync();
        running?.Dispose();
    }

    private async Task AcceptAsync(TcpListener server, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await server.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(client, cancellationToken);
        }
    }

    private async Task ForwardAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using var target = new TcpClient();
        connections[client] = 0;
        connections[target] = 0;
        try
        {
            await target.ConnectAsync(IPAddress.Loopback, targetPort, cancellationToken);
            using var a = client.GetStream();
            using var b = target.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, cancellationToken), b.CopyToAsync(a, cancellationToken));
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            connections.TryRemove(client, out _);
            connections.TryRemove(target, out _);
            client.Dispose();
        }
    }
}
