namespace Harness.Clips.Synthetic;

/// <summary>
/// Moves the ego vehicle and the road users of one clip. Objects that fall out of the range band are respawned with a
/// new track id, so the population stays constant and a clip of any length has objects in view.
/// </summary>
internal sealed class SceneSimulation
{
    private readonly SceneProfile _profile;
    private readonly float _roadHalfWidth;
    private Pcg32 _random;
    private int _nextTrackId;

    public SceneSimulation(SceneProfile profile, int seed)
    {
        _profile = profile;
        _roadHalfWidth = profile.Buildings ? 7f : 10.5f;
        _random = new Pcg32((ulong)(uint)seed, 1);
        var objects = new List<SceneObject>();
        AddMany(objects, ObjectClass.Car, profile.Cars);
        AddMany(objects, ObjectClass.Pedestrian, profile.Pedestrians);
        AddMany(objects, ObjectClass.Cyclist, profile.Cyclists);
        Objects = objects;
    }

    public IReadOnlyList<SceneObject> Objects { get; }

    public float EgoX { get; private set; }

    public float RoadHalfWidth => _roadHalfWidth;

    public void Step(float seconds)
    {
        EgoX += _profile.EgoSpeed * seconds;
        foreach (var item in Objects)
        {
            item.X += item.SpeedX * seconds;
            item.Y += item.SpeedY * seconds;
            if (item.SpeedY != 0f && MathF.Abs(item.Y) > 9.5f)
            {
                item.SpeedY = -item.SpeedY;
                item.Y = Math.Clamp(item.Y, -9.5f, 9.5f);
            }

            var relative = item.X - EgoX;
            if (relative < _profile.MinRange * 0.5f || relative > _profile.MaxRange + 10f)
            {
                Spawn(item);
            }
        }
    }

    private void AddMany(List<SceneObject> objects, ObjectClass objectClass, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var item = new SceneObject { Class = objectClass };
            Spawn(item);
            objects.Add(item);
        }
    }

    private void Spawn(SceneObject item)
    {
        item.TrackId = _nextTrackId++;
        item.X = EgoX + _random.Range(_profile.MinRange, _profile.MaxRange);
        item.SpeedY = 0f;
        switch (item.Class)
        {
            case ObjectClass.Car:
                SpawnCar(item);
                break;
            case ObjectClass.Pedestrian:
                SpawnPedestrian(item);
                break;
            default:
                SpawnCyclist(item);
                break;
        }
    }

    private void SpawnCar(SceneObject car)
    {
        var lanes = _roadHalfWidth > 8f ? 6 : 4;
        var lane = _random.Below(lanes);
        car.Y = ((lane - ((lanes - 1) * 0.5f)) * 3.5f) + _random.Range(-0.3f, 0.3f);
        var speed = _random.Range(_profile.CarSpeedMin, _profile.CarSpeedMax);
        car.SpeedX = car.Y > 0f && _profile.Buildings ? -speed : speed;
        car.Length = _random.Range(4.0f, 4.8f);
        car.Width = _random.Range(1.7f, 1.95f);
        car.Height = _random.Range(1.35f, 1.6f);
        car.R = _random.Range(0.55f, 0.95f);
        car.G = _random.Range(0.05f, 0.28f);
        car.B = _random.Range(0.05f, 0.28f);
    }

    private void SpawnPedestrian(SceneObject pedestrian)
    {
        var side = _random.Chance(0.5f) ? 1f : -1f;
        if (_random.Chance(_profile.CrossingShare))
        {
            pedestrian.Y = _random.Range(-9f, 9f);
            pedestrian.SpeedX = 0f;
            pedestrian.SpeedY = side * _random.Range(0.8f, 1.5f);
        }
        else
        {
            pedestrian.Y = side * _random.Range(7.8f, 9.5f);
            pedestrian.SpeedX = (_random.Chance(0.5f) ? 1f : -1f) * _random.Range(0.8f, 1.6f);
        }

        pedestrian.Length = 0.45f;
        pedestrian.Width = _random.Range(0.5f, 0.65f);
        pedestrian.Height = _random.Range(1.55f, 1.9f);
        pedestrian.R = _random.Range(0.08f, 0.3f);
        pedestrian.G = _random.Range(0.15f, 0.4f);
        pedestrian.B = _random.Range(0.5f, 0.9f);
    }

    private void SpawnCyclist(SceneObject cyclist)
    {
        var side = _random.Chance(0.5f) ? 1f : -1f;
        cyclist.Y = side * _random.Range(_roadHalfWidth - 1.2f, _roadHalfWidth - 0.5f);
        cyclist.SpeedX = (side > 0f ? -1f : 1f) * _random.Range(3f, 7f);
        cyclist.Length = 1.7f;
        cyclist.Width = _random.Range(0.55f, 0.7f);
        cyclist.Height = _random.Range(1.65f, 1.85f);
        cyclist.R = _random.Range(0.08f, 0.3f);
        cyclist.G = _random.Range(0.5f, 0.85f);
        cyclist.B = _random.Range(0.08f, 0.3f);
    }
}
